package md.migratiesigura.portal.chat;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * The queue as this node last read it: each waiting chat's place, the available counsellors, the active chats and how
 * long chats last, which every queued reader's place and wait band are computed from, and the version of the waiting
 * list that every console compares with its own. With hundreds of readers
 * waiting, their long-polls start about twenty times a second, the poller ticks four times a second and every console
 * polls once a second; they share
 * one reading, taken again when it is older than {@link #FRESH} or when a change made through this node
 * ({@link #changed()}, after its commit) may have moved the queue. A change made through another node shows within
 * {@link #FRESH}, the poller's own tick.
 */
final class QueueReadings {

    static final Duration FRESH = Duration.ofMillis(250);

    /**
     * One reading: places start at 1; {@code version} changes whenever the waiting list a console shows would (which
     * chats, in which order, their language, SOS, given back, queued when); {@code generation} is {@link #changed()}'s
     * count when the reading began.
     */
    record Reading(Map<Long, Integer> places, String version, int counsellors, int active, double averageMinutes,
                   long generation, long startedNanos) {

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
        Map<Long, Integer> places = new HashMap<>();
        CRC32 version = new CRC32();
        ByteBuffer row = ByteBuffer.allocate(2 * Long.BYTES);
        // Each row's fields are hashed by the server: two whole numbers a row to decode, where the fields themselves
        // (a time each) cost more than everything else in a reading of hundreds of waiting chats.
        try (PreparedStatement s = c.prepareStatement("SELECT id, CRC32(CONCAT_WS('/', lang, sos, requeued, queued_at))"
                + " FROM chats WHERE state = 'queued' " + ChatQueue.ORDER);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                places.put(id, places.size() + 1);
                version.update(row.clear().putLong(id).putLong(rs.getLong(2)).array());
            }
        }
        reading = new Reading(places, places.size() + "-" + Long.toString(version.getValue(), 36),
                ChatQueue.availableCounsellors(c, now), ChatQueue.activeChats(c), ChatQueue.averageChatMinutes(c, now),
                current, started);
        last = reading;
        return reading;
    }

    /** Something that moves the queue was committed through this node: the next reading is taken afresh. */
    void changed() {
        generation.incrementAndGet();
    }
}
