package md.migratiesigura.portal.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Slows down password guessing without letting anyone lock a real editor out. Failures are counted in memory only
 * (no address reaches the database) per pair of account and client address, and per client address across
 * accounts. Past a free allowance the pair, or the address, must wait before the next try: one minute, then twice
 * as long after each further failure, up to half an hour. A wait refuses even the right password; the same account
 * from another address is not affected. Counts are forgotten after an hour without failures, and on success for
 * the pair.
 *
 * <p>Callers take an {@link Attempt} before checking anything: one call that both checks and reserves, so that a
 * burst of parallel tries is counted as it arrives, not once each has been checked. A reserved try counts against
 * the allowance until it is resolved: {@link Attempt#failed()}, {@link Attempt#succeeded()}, or given back uncounted
 * by {@link Attempt#close()} when nothing was checked.
 */
public final class LoginThrottle {

    static final int FREE_FAILURES_PER_PAIR = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 20;
    static final Duration FIRST_WAIT = Duration.ofMinutes(1);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(30);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** Bounds the memory a flood of made-up e-mails can take; the least recently used entries go first. */
    static final int MAX_TRACKED = 10_000;

    private final Clock clock;
    private final Map<String, Failures> pairs = lru();
    private final Map<String, Failures> addresses = lru();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Reserves one try for this account from this address, or says how long to wait: when a wait is running, or
     * when the tries already under way would use up what is left of the allowance.
     */
    public synchronized Attempt attempt(String email, String address) {
        Instant now = clock.instant();
        String pairKey = pairKey(email, address);
        Failures pair = pairs.computeIfAbsent(pairKey, k -> new Failures());
        Failures all = addresses.computeIfAbsent(address, k -> new Failures());
        Duration wait = longer(pair.refusal(now, FREE_FAILURES_PER_PAIR), all.refusal(now, FREE_FAILURES_PER_ADDRESS));
        if (!wait.isZero()) {
            return new Attempt(null, null, wait);
        }
        pair.pending++;
        all.pending++;
        return new Attempt(pairKey, address, Duration.ZERO);
    }

    /** How long this account from this address must still wait; zero when it may try now. */
    public synchronized Duration waitBefore(String email, String address) {
        Instant now = clock.instant();
        return longer(remaining(pairs.get(pairKey(email, address)), now), remaining(addresses.get(address), now));
    }

    synchronized void failed(String email, String address) {
        failed(pairKey(email, address), address, false);
    }

    private synchronized void failed(String pairKey, String address, boolean reserved) {
        Instant now = clock.instant();
        pairs.computeIfAbsent(pairKey, k -> new Failures()).add(now, FREE_FAILURES_PER_PAIR, reserved);
        addresses.computeIfAbsent(address, k -> new Failures()).add(now, FREE_FAILURES_PER_ADDRESS, reserved);
    }

    private synchronized void release(String pairKey, String address) {
        Failures pair = pairs.get(pairKey);
        if (pair != null) {
            pair.release();
        }
        Failures all = addresses.get(address);
        if (all != null) {
            all.release();
        }
    }

    /** A correct password from this address: the pair starts afresh (the address count does not). */
    synchronized void succeeded(String email, String address) {
        pairs.remove(pairKey(email, address));
    }

    private synchronized void rightAnswer(String pairKey, String address) {
        pairs.remove(pairKey);
        Failures all = addresses.get(address);
        if (all != null) {
            all.release();
        }
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration remaining(Failures failures, Instant now) {
        if (failures == null || failures.lockedUntil == null || !failures.lockedUntil.isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, failures.lockedUntil);
    }

    private static String pairKey(String email, String address) {
        String account = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return (account.length() > 254 ? account.substring(0, 254) : account) + "|" + address;
    }

    private static Map<String, Failures> lru() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > MAX_TRACKED;
            }
        };
    }

    /**
     * One try that the throttle let through (or refused, see {@link #allowed()}). Resolve it once; closing it
     * unresolved gives the reservation back without counting anything (the check could not be made).
     */
    public final class Attempt implements AutoCloseable {
        private final String pairKey;
        private final String address;
        private final Duration wait;
        private boolean resolved;

        private Attempt(String pairKey, String address, Duration wait) {
            this.pairKey = pairKey;
            this.address = address;
            this.wait = wait;
            this.resolved = pairKey == null;
        }

        /** Whether this try may go on; when not, nothing was reserved. */
        public boolean allowed() {
            return wait.isZero();
        }

        /** How long to wait before trying again; zero when allowed. */
        public Duration waitBefore() {
            return wait;
        }

        /** The password (or code) was wrong: counted as a failure. */
        public void failed() {
            if (!resolved) {
                resolved = true;
                LoginThrottle.this.failed(pairKey, address, true);
            }
        }

        /** The password (or code) was right: the pair starts afresh. */
        public void succeeded() {
            if (!resolved) {
                resolved = true;
                rightAnswer(pairKey, address);
            }
        }

        @Override
        public void close() {
            if (!resolved) {
                resolved = true;
                release(pairKey, address);
            }
        }
    }

    private static final class Failures {
        int count;
        /** Tries let through and not yet resolved: they count against the allowance meanwhile. */
        int pending;
        Instant last;
        Instant lockedUntil;

        /** Zero when one more try may start now; otherwise how long to wait. */
        Duration refusal(Instant now, int free) {
            if (last != null && Duration.between(last, now).compareTo(FORGET_AFTER) > 0) {
                count = 0;
            }
            Duration locked = remaining(this, now);
            if (!locked.isZero()) {
                return locked;
            }
            // Within the allowance, as many at once as are left of it; past it, one try after each wait.
            int open = count < free ? free - count : 1;
            return pending < open ? Duration.ZERO : FIRST_WAIT;
        }

        void release() {
            pending = Math.max(0, pending - 1);
        }

        void add(Instant now, int free, boolean reserved) {
            if (reserved) {
                release();
            }
            if (last != null && Duration.between(last, now).compareTo(FORGET_AFTER) > 0) {
                count = 0;
            }
            count++;
            last = now;
            if (count >= free) {
                int doublings = Math.min(count - free, 10);
                Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
                lockedUntil = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
            }
        }
    }
}
