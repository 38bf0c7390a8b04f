package md.migratiesigura.portal.common;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The portal's background threads: daemons, so that one left running never keeps the JVM from exiting, and named,
 * so that a thread dump tells which job is which. Stopping lets what is queued finish for a bounded time.
 */
public final class BackgroundThreads {

    private BackgroundThreads() {
    }

    /** Threads of that name that do not keep the JVM alive. */
    public static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One daemon thread of that name, for a periodic job. */
    public static ScheduledExecutorService scheduled(String name) {
        return Executors.newSingleThreadScheduledExecutor(daemon(name));
    }

    /** Takes no more work and waits at most {@code wait} for what was submitted; an interrupt is passed on. */
    public static void shutdownAndWait(ExecutorService executor, Duration wait) {
        executor.shutdown();
        try {
            executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
