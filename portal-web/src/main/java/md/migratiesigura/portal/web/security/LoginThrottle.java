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

    /** How long this account from this address must still wait; zero when it may try now. */
    public synchronized Duration waitBefore(String email, String address) {
        Instant now = clock.instant();
        Duration pair = wait(pairs.get(pairKey(email, address)), now);
        Duration all = wait(addresses.get(address), now);
        return pair.compareTo(all) >= 0 ? pair : all;
    }

    public synchronized void failed(String email, String address) {
        Instant now = clock.instant();
        pairs.computeIfAbsent(pairKey(email, address), k -> new Failures()).add(now, FREE_FAILURES_PER_PAIR);
        addresses.computeIfAbsent(address, k -> new Failures()).add(now, FREE_FAILURES_PER_ADDRESS);
    }

    /** A correct password from this address: the pair starts afresh (the address count does not). */
    public synchronized void succeeded(String email, String address) {
        pairs.remove(pairKey(email, address));
    }

    private static Duration wait(Failures failures, Instant now) {
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

    private static final class Failures {
        int count;
        Instant last;
        Instant lockedUntil;

        void add(Instant now, int free) {
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
