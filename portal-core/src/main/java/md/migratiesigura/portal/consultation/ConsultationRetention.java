package md.migratiesigura.portal.consultation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.BackgroundThreads;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes closed consultations once the retention period has passed: at start and every hour once started, whether
 * or not anyone uses the portal. The monthly numbers ({@link ConsultationCounts}) stay.
 */
public final class ConsultationRetention implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsultationRetention.class);

    private final SessionFactory sessionFactory;
    private final AuditService audit;
    private final int retentionDays;
    private final Clock clock;
    private final ScheduledExecutorService executor = BackgroundThreads.scheduled("consultation-retention");

    public ConsultationRetention(SessionFactory sessionFactory, AuditService audit, int retentionDays, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.audit = audit;
        this.retentionDays = retentionDays;
        this.clock = clock;
    }

    public ConsultationRetention start() {
        executor.scheduleWithFixedDelay(this::run, 0, 1, TimeUnit.HOURS);
        return this;
    }

    /**
     * Deletes every consultation closed more than {@code retentionDays} days ago, with its replies, notes and
     * contact details; the monthly counts stay. Returns how many were deleted.
     */
    public int deleteExpired() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(retentionDays));
        int deleted = sessionFactory.fromTransaction(session -> {
            int n = session.createNativeMutationQuery(
                            "DELETE FROM consultations WHERE status = 'CLOSED' AND closed_at < :cutoff")
                    .setParameter("cutoff", cutoff).executeUpdate();
            if (n > 0) {
                audit.record(session, null, null, AuditAction.CONSULTATIONS_DELETED, null,
                        n + " closed before " + cutoff);
            }
            return n;
        });
        if (deleted > 0) {
            log.info("Deleted {} consultation(s) closed more than {} days ago; their monthly counts are kept",
                    deleted, retentionDays);
        }
        return deleted;
    }

    private void run() {
        try {
            deleteExpired();
        } catch (RuntimeException e) {
            // The database may be down for a while: the next run tries again.
            log.warn("The consultation retention run failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
