package md.migratiesigura.portal.consultation;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the retention deletion at start and every hour, whether or not anyone uses the portal. */
public final class ConsultationRetention implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsultationRetention.class);

    private final ConsultationService consultations;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "consultation-retention");
        t.setDaemon(true);
        return t;
    });

    public ConsultationRetention(ConsultationService consultations) {
        this.consultations = consultations;
    }

    public ConsultationRetention start() {
        executor.scheduleWithFixedDelay(this::run, 0, 1, TimeUnit.HOURS);
        return this;
    }

    private void run() {
        try {
            consultations.deleteExpired();
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
