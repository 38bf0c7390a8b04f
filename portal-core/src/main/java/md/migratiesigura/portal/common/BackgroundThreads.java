package md.migratiesigura.portal.common;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

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

    /** A start-up step run on a daemon thread of that name, beside the steps that follow it. */
    public static <T> CompletableFuture<T> beside(String name, Supplier<T> step) {
        return CompletableFuture.supplyAsync(step, task -> daemon(name).newThread(task).start());
    }

    /** What a future gave (a step run {@link #beside}, say), or what stopped it, thrown as it was thrown there. */
    public static <T> T joined(CompletableFuture<T> step) {
        try {
            return step.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * After a later step failed: waits for a step run {@link #beside} and releases what it made, if it made it, so
     * that nothing is left open.
     */
    public static <T> void release(CompletableFuture<T> step, Consumer<T> close) {
        step.handle((made, failure) -> made).thenAccept(made -> {
            if (made != null) {
                close.accept(made);
            }
        }).join();
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
