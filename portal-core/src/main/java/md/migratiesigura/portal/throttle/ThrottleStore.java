package md.migratiesigura.portal.throttle;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The state of throttles, one short text value per key (a throttle's own encoding of its counts), changed by
 * read-modify-write steps that are atomic across threads and, for the database store, across portal nodes: a burst
 * of parallel requests is counted as it arrives, not once each has been checked.
 */
public interface ThrottleStore {

    /**
     * Reads the values of {@code keys} (null when absent or expired), lets {@code change} read and set them, writes
     * them back to be kept for {@code keepFor} from now (a value set to null is removed), all as one atomic step.
     * {@code change} may run more than once (a conflict with another node): it must have no other effect.
     *
     * @return what {@code change} returned
     */
    <T> T update(List<String> keys, Duration keepFor, Function<Values, T> change);

    /** The values of one {@link #update}, in the order of its keys. */
    interface Values {
        String get(int i);

        void set(int i, String value);

        /** Values read and set in {@code values} itself. */
        static Values over(String[] values) {
            return new Values() {
                @Override
                public String get(int i) {
                    return values[i];
                }

                @Override
                public void set(int i, String value) {
                    values[i] = value;
                }
            };
        }
    }
}
