package md.migratiesigura.portal.account;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many Argon2 computations may run at once: as many as there are cores, since each takes 19 MiB and a core for
 * its whole run. A few more callers may wait a moment for a slot (two people signing in at once both get in); past
 * those, or once the wait is over, a caller is refused with {@link HashingBusyException} at once, so that a burst
 * of logins or questions answers 503 instead of queueing without limit for memory and threads.
 */
public final class HashingSlots {

    /** What a refused caller is told to wait: a few hashes' time. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final HashingSlots SHARED = new HashingSlots(Runtime.getRuntime().availableProcessors(),
            2 * Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(2));

    private final int size;
    private final Semaphore running;
    /** Running or waiting: bounds the threads held here, not only the memory. */
    private final Semaphore admitted;
    private final Duration maxWait;

    /**
     * @param size    computations at once
     * @param waiting callers that may wait for a slot besides those
     * @param maxWait how long one of them waits before it is refused
     */
    public HashingSlots(int size, int waiting, Duration maxWait) {
        this.size = size;
        this.running = new Semaphore(size, true);
        this.admitted = new Semaphore(size + waiting);
        this.maxWait = maxWait;
    }

    /** The slots of this JVM, shared by every {@link PasswordHasher} made without slots of its own. */
    public static HashingSlots shared() {
        return SHARED;
    }

    public int size() {
        return size;
    }

    /**
     * Runs the work in a slot.
     *
     * @throws HashingBusyException when no slot was free in time; the work did not run
     */
    public <T> T run(Supplier<T> work) {
        if (!admitted.tryAcquire()) {
            throw new HashingBusyException(RETRY_AFTER);
        }
        try {
            if (!running.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new HashingBusyException(RETRY_AFTER);
            }
            try {
                return work.get();
            } finally {
                running.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HashingBusyException(RETRY_AFTER);
        } finally {
            admitted.release();
        }
    }
}
