package md.migratiesigura.portal.article;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import md.migratiesigura.portal.common.BackgroundThreads;
import md.migratiesigura.portal.persistence.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes scheduled articles from inside the application, with or without traffic: one background thread looks
 * every 30 seconds, so an article goes out within a minute of its time. At start, what was missed while the portal
 * was down is published at once and flagged. With several nodes, only the holder of the {@value #LEASE} lease
 * publishes; if it goes away, another node takes over within {@link #LEASE_TTL}.
 */
public final class EditorialScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EditorialScheduler.class);
    public static final Duration INTERVAL = Duration.ofSeconds(30);
    public static final String LEASE = "editorial-publishing";
    /** Three rounds: the holder keeps the lease while it runs, another node waits at most this long after its loss. */
    static final Duration LEASE_TTL = INTERVAL.multipliedBy(3);

    private final ScheduledPublisher publisher;
    private final Leases leases;
    private final ScheduledExecutorService executor;

    public EditorialScheduler(ScheduledPublisher publisher, Leases leases) {
        this.publisher = publisher;
        this.leases = leases;
        this.executor = BackgroundThreads.scheduled("editorial-scheduler");
    }

    /** Publishes what was missed, then looks again every {@link #INTERVAL}. */
    public void start() {
        leases.tryRun(LEASE, LEASE_TTL, publisher::publishMissed);
        executor.scheduleWithFixedDelay(this::runQuietly, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runQuietly() {
        try {
            leases.tryRun(LEASE, LEASE_TTL, () -> {
                int published = publisher.publishDue();
                if (published > 0) {
                    log.info("Published {} scheduled article version(s)", published);
                }
            });
        } catch (RuntimeException e) {
            // The database may be briefly away: a thread that died here would never publish again.
            log.warn("Scheduled publishing postponed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        BackgroundThreads.shutdownAndWait(executor, Duration.ofSeconds(5));
        leases.release(LEASE);
    }
}
