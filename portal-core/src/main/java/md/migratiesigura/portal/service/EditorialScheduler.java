package md.migratiesigura.portal.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes scheduled articles from inside the application, with or without traffic: one background thread looks
 * every 30 seconds, so an article goes out within a minute of its time. At start, what was missed while the portal
 * was down is published at once and flagged.
 */
public final class EditorialScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EditorialScheduler.class);
    public static final Duration INTERVAL = Duration.ofSeconds(30);

    private final EditorialService editorial;
    private final ScheduledExecutorService executor;

    public EditorialScheduler(EditorialService editorial) {
        this.editorial = editorial;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "editorial-scheduler");
            t.setDaemon(true);
            return t;
        });
    }

    /** Publishes what was missed, then looks again every {@link #INTERVAL}. */
    public void start() {
        editorial.publishMissed();
        executor.scheduleWithFixedDelay(this::runQuietly, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runQuietly() {
        try {
            int published = editorial.publishDue();
            if (published > 0) {
                log.info("Published {} scheduled article version(s)", published);
            }
        } catch (RuntimeException e) {
            // The database may be briefly away: a thread that died here would never publish again.
            log.warn("Scheduled publishing postponed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
