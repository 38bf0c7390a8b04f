package md.migratiesigura.portal.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import md.migratiesigura.portal.throttle.MemoryThrottleStore;
import md.migratiesigura.portal.throttle.ThrottleStore;

/**
 * Slows down password guessing without letting anyone lock a real editor out. Failures are counted per pair of
 * account and client address, and per client address across accounts, in a {@link ThrottleStore}: the database's,
 * shared by every portal node so that N nodes do not allow N times the guesses, where a key is stored only as a
 * keyed hash (no address, no e-mail reaches the database). Past a free allowance the pair, or the address, must wait before the next try: one minute, then twice
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
    /** Bounds the memory a flood of made-up e-mails can take in the memory store; the least recently used go first. */
    static final int MAX_TRACKED = 10_000;
    /** How long a count is kept after its last change: past a quiet hour and the longest wait, it is forgotten. */
    private static final Duration KEEP = FORGET_AFTER.plus(LONGEST_WAIT);

    private final Clock clock;
    private final ThrottleStore store;

    /** Counted in this process's memory only (one node, tests). */
    public LoginThrottle(Clock clock) {
        this(clock, new MemoryThrottleStore(clock, MAX_TRACKED));
    }

    /** Counted in {@code store}: the database's, shared by every node. */
    public LoginThrottle(Clock clock, ThrottleStore store) {
        this.clock = clock;
        this.store = store;
    }

    /**
     * Reserves one try for this account from this address, or says how long to wait: when a wait is running, or
     * when the tries already under way would use up what is left of the allowance.
     */
    public Attempt attempt(String email, String address) {
        String pairKey = pairKey(email, address);
        Duration wait = store.update(keys(pairKey, address), KEEP, values -> {
            Instant now = clock.instant();
            Failures pair = Failures.parse(values.get(0));
            Failures all = Failures.parse(values.get(1));
            Duration refusal = longer(pair.refusal(now, FREE_FAILURES_PER_PAIR), all.refusal(now, FREE_FAILURES_PER_ADDRESS));
            if (refusal.isZero()) {
                pair.pending++;
                all.pending++;
            }
            values.set(0, pair.encode());
            values.set(1, all.encode());
            return refusal;
        });
        return wait.isZero() ? new Attempt(pairKey, address, Duration.ZERO) : new Attempt(null, null, wait);
    }

    /** How long this account from this address must still wait; zero when it may try now. */
    public Duration waitBefore(String email, String address) {
        return store.update(keys(pairKey(email, address), address), KEEP, values -> {
            Instant now = clock.instant();
            return longer(remaining(Failures.parse(values.get(0)), now), remaining(Failures.parse(values.get(1)), now));
        });
    }

    void failed(String email, String address) {
        failed(pairKey(email, address), address, false);
    }

    private void failed(String pairKey, String address, boolean reserved) {
        store.update(keys(pairKey, address), KEEP, values -> {
            Instant now = clock.instant();
            Failures pair = Failures.parse(values.get(0));
            Failures all = Failures.parse(values.get(1));
            pair.add(now, FREE_FAILURES_PER_PAIR, reserved);
            all.add(now, FREE_FAILURES_PER_ADDRESS, reserved);
            values.set(0, pair.encode());
            values.set(1, all.encode());
            return null;
        });
    }

    private void release(String pairKey, String address) {
        store.update(keys(pairKey, address), KEEP, values -> {
            for (int i = 0; i < 2; i++) {
                if (values.get(i) != null) {
                    Failures f = Failures.parse(values.get(i));
                    f.release();
                    values.set(i, f.encode());
                }
            }
            return null;
        });
    }

    /** A correct password from this address: the pair starts afresh (the address count does not). */
    void succeeded(String email, String address) {
        store.update(keys(pairKey(email, address), address), KEEP, values -> {
            values.set(0, null);
            return null;
        });
    }

    private void rightAnswer(String pairKey, String address) {
        store.update(keys(pairKey, address), KEEP, values -> {
            values.set(0, null);
            if (values.get(1) != null) {
                Failures all = Failures.parse(values.get(1));
                all.release();
                values.set(1, all.encode());
            }
            return null;
        });
    }

    private static List<String> keys(String pairKey, String address) {
        return List.of("login-pair|" + pairKey, "login-address|" + address);
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
        /** Stored as {@code count,pending,last,lockedUntil} (epoch milliseconds, 0 for none). */
        static Failures parse(String stored) {
            Failures f = new Failures();
            if (stored != null && !stored.isEmpty()) {
                String[] p = stored.split(",");
                f.count = Integer.parseInt(p[0]);
                f.pending = Integer.parseInt(p[1]);
                f.last = p[2].equals("0") ? null : Instant.ofEpochMilli(Long.parseLong(p[2]));
                f.lockedUntil = p[3].equals("0") ? null : Instant.ofEpochMilli(Long.parseLong(p[3]));
            }
            return f;
        }

        String encode() {
            return count + "," + pending + "," + (last == null ? 0 : last.toEpochMilli()) + ","
                    + (lockedUntil == null ? 0 : lockedUntil.toEpochMilli());
        }

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
