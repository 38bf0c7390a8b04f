package md.migratiesigura.portal.consultation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import md.migratiesigura.portal.throttle.MemoryThrottleStore;
import md.migratiesigura.portal.throttle.ThrottleStore;

/**
 * At most {@code max} events per key in any window of the given length. The counts live in a {@link ThrottleStore}:
 * the database's, shared by every portal node (keyed by a keyed hash, so the keys, client addresses and ticket codes,
 * are never written anywhere), or this process's memory for a test.
 *
 * <p>{@link #acquire} checks and counts in one step, so that a burst of parallel requests cannot all pass the
 * check before any of them is counted; a request that turns out not to count gives its event back.
 */
public final class RateLimit {

    static final int MAX_TRACKED = 10_000;

    private final String name;
    private final int max;
    private final Duration window;
    private final Clock clock;
    private final ThrottleStore store;

    /** Counted in this process's memory only. */
    public RateLimit(int max, Duration window, Clock clock) {
        this("memory", max, window, clock, new MemoryThrottleStore(clock, MAX_TRACKED));
    }

    /** Counted in {@code store} under the limit's {@code name}. */
    public RateLimit(String name, int max, Duration window, Clock clock, ThrottleStore store) {
        this.name = name;
        this.max = max;
        this.window = window;
        this.clock = clock;
        this.store = store;
    }

    /**
     * Counts one event for the key if it is allowed now and returns zero; otherwise counts nothing and returns how
     * long the key must wait.
     */
    public Duration acquire(String key) {
        return store.update(List.of(storeKey(key)), window, values -> {
            Instant now = clock.instant();
            Deque<Instant> times = recent(values.get(0), now);
            if (times.size() >= max) {
                return Duration.between(now, times.peekFirst().plus(window));
            }
            times.addLast(now);
            values.set(0, encode(times));
            return Duration.ZERO;
        });
    }

    /** Takes back one event {@link #acquire} counted for the key (the request did not count after all). */
    public void giveBack(String key) {
        store.update(List.of(storeKey(key)), window, values -> {
            Deque<Instant> times = recent(values.get(0), clock.instant());
            times.pollLast();
            values.set(0, times.isEmpty() ? null : encode(times));
            return null;
        });
    }

    /** How long the key must wait before its next event is allowed; zero when it may go now. */
    Duration waitBefore(String key) {
        return store.update(List.of(storeKey(key)), window, values -> {
            Instant now = clock.instant();
            Deque<Instant> times = recent(values.get(0), now);
            return times.size() < max ? Duration.ZERO : Duration.between(now, times.peekFirst().plus(window));
        });
    }

    private String storeKey(String key) {
        return "rate|" + name + "|" + key;
    }

    /** The events of the window, oldest first, from their stored form (epoch milliseconds, comma-separated). */
    private Deque<Instant> recent(String stored, Instant now) {
        Deque<Instant> times = new ArrayDeque<>();
        if (stored != null && !stored.isEmpty()) {
            Instant start = now.minus(window);
            Arrays.stream(stored.split(",")).map(s -> Instant.ofEpochMilli(Long.parseLong(s)))
                    .filter(t -> t.isAfter(start)).forEach(times::addLast);
        }
        while (times.size() > max) {
            times.removeFirst();
        }
        return times;
    }

    private static String encode(Deque<Instant> times) {
        return times.stream().map(t -> Long.toString(t.toEpochMilli())).collect(Collectors.joining(","));
    }
}
