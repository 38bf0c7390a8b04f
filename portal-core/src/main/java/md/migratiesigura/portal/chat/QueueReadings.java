package md.migratiesigura.portal.chat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The queue as this node last read it: each waiting chat's place, the available counsellors, the active chats and how
 * long chats last, which every queued reader's place and wait band are computed from. With hundreds of readers
 * waiting, their long-polls start about twenty times a second and the poller ticks four times a second; they share
 * one reading, taken again when it is older than {@link #FRESH} or when a change made through this node
 * ({@link #changed()}, after its commit) may have moved the queue. A change made through another node shows within
 * {@link #FRESH}, the poller's own tick.
 */
final class QueueReadings {

    static final Duration FRESH = Duration.ofMillis(250);

    /** One reading: places start at 1; {@code generation} is {@link #changed()}'s count when the reading began. */
    record Reading(Map<Long, Integer> places, int counsellors, int active, double averageMinutes, long generation,
                   long startedNanos) {

        /** The chat's place, 0 when it is not waiting in this reading. */
        int place(long chatId) {
            return places.getOrDefault(chatId, 0);
        }

        /** The wait band in minutes at that place. */
        int[] band(int position, int capacity) {
            return ChatQueue.band(position, counsellors, capacity, active, averageMinutes);
        }
    }

    private final AtomicLong generation = new AtomicLong();
    private volatile Reading last;

    /** A recent reading; a new one when {@code fresh} (a chat that waits but was not in the last reading). */
    Reading read(Connection c, Instant now, boolean fresh) throws SQLException {
        Reading reading = last;
        long current = generation.get();
        long started = System.nanoTime();
        if (!fresh && reading != null && reading.generation() == current
                && started - reading.startedNanos() < FRESH.toNanos()) {
            return reading;
        }
        List<Long> queue = ChatQueue.queued(c);
        Map<Long, Integer> places = new HashMap<>(queue.size() * 2);
        for (int i = 0; i < queue.size(); i++) {
            places.put(queue.get(i), i + 1);
        }
        reading = new Reading(places, ChatQueue.availableCounsellors(c, now), ChatQueue.activeChats(c),
                ChatQueue.averageChatMinutes(c, now), current, started);
        last = reading;
        return reading;
    }

    /** Something that moves the queue was committed through this node: the next reading is taken afresh. */
    void changed() {
        generation.incrementAndGet();
    }
}
