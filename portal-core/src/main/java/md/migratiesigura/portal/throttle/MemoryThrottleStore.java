package md.migratiesigura.portal.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Throttle state in this process's memory only, for one node alone (and unit tests): at most {@code maxTracked}
 * keys, the least recently used going first.
 */
public final class MemoryThrottleStore implements ThrottleStore {

    private record Entry(String value, Instant expires) {
    }

    private final Clock clock;
    private final Map<String, Entry> entries;

    public MemoryThrottleStore(Clock clock, int maxTracked) {
        this.clock = clock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxTracked;
            }
        };
    }

    @Override
    public synchronized <T> T update(List<String> keys, Duration keepFor, Function<Values, T> change) {
        Instant now = clock.instant();
        String[] values = new String[keys.size()];
        for (int i = 0; i < values.length; i++) {
            Entry e = entries.get(keys.get(i));
            values[i] = e == null || !e.expires().isAfter(now) ? null : e.value();
        }
        String[] before = values.clone();
        T result = change.apply(Values.over(values));
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                entries.remove(keys.get(i));
            } else if (!values[i].equals(before[i])) {
                entries.put(keys.get(i), new Entry(values[i], now.plus(keepFor)));
            }
        }
        return result;
    }

    /** How many keys are tracked now. */
    public synchronized int size() {
        return entries.size();
    }
}
