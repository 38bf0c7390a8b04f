package md.migratiesigura.portal.consultation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code max} events per key in any window of the given length, counted in memory only: the keys (client
 * addresses, ticket codes) are never written anywhere and are forgotten at a restart. The least recently used keys
 * go first when too many are tracked.
 *
 * <p>{@link #acquire} checks and counts in one step, so that a burst of parallel requests cannot all pass the
 * check before any of them is counted; a request that turns out not to count gives its event back.
 */
public final class RateLimit {

    static final int MAX_TRACKED = 10_000;

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> events = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    public RateLimit(int max, Duration window, Clock clock) {
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Counts one event for the key if it is allowed now and returns zero; otherwise counts nothing and returns how
     * long the key must wait.
     */
    public synchronized Duration acquire(String key) {
        Duration wait = waitBefore(key);
        if (wait.isZero()) {
            record(key);
        }
        return wait;
    }

    /** Takes back one event {@link #acquire} counted for the key (the request did not count after all). */
    public synchronized void giveBack(String key) {
        Deque<Instant> times = events.get(key);
        if (times != null && !times.isEmpty()) {
            times.removeLast();
        }
    }

    /** How long the key must wait before its next event is allowed; zero when it may go now. */
    synchronized Duration waitBefore(String key) {
        Instant now = clock.instant();
        Deque<Instant> times = events.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        forgetOld(times, now);
        if (times.size() < max) {
            return Duration.ZERO;
        }
        return Duration.between(now, times.peekFirst().plus(window));
    }

    /** Counts one event for the key. */
    synchronized void record(String key) {
        Instant now = clock.instant();
        Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        forgetOld(times, now);
        times.addLast(now);
        while (times.size() > max) {
            times.removeFirst();
        }
    }

    private void forgetOld(Deque<Instant> times, Instant now) {
        Instant start = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(start)) {
            times.removeFirst();
        }
    }
}
