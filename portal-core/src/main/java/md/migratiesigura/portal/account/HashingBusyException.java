package md.migratiesigura.portal.account;

import java.time.Duration;

/**
 * A password or phrase could not be hashed or checked now: the server computes as many as it can at once
 * ({@link HashingSlots}). Nothing was checked or saved; the web layer answers 503 with {@code Retry-After}.
 */
public class HashingBusyException extends RuntimeException {

    private final Duration retryAfter;

    public HashingBusyException(Duration retryAfter) {
        super("password hashing at capacity");
        this.retryAfter = retryAfter;
    }

    /** How long the caller should wait before trying again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
