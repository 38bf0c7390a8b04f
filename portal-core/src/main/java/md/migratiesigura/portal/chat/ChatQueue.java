package md.migratiesigura.portal.chat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue: SOS first, then chats given back by a counsellor, then the longest waiting; how many counsellors are
 * taking chats; and the wait band, computed from how long recent chats lasted.
 */
final class ChatQueue {

    /** A counsellor whose console has not called in for this long is not counted as available. */
    static final Duration PRESENCE = Duration.ofSeconds(45);
    /** Until enough chats have ended this week, a chat is assumed to last this long. */
    static final int DEFAULT_CHAT_MINUTES = 15;
    private static final int MIN_RECENT_CHATS = 5;

    static final String ORDER = "ORDER BY sos DESC, requeued DESC, queued_at, id";

    private ChatQueue() {
    }

    /** The ids of the waiting chats, the next one first. */
    static List<Long> queued(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM chats WHERE state = 'queued' " + ORDER);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    static int availableCounsellors(Connection c, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM chat_counsellors WHERE available AND seen_at > ?")) {
            s.setTimestamp(1, ChatDb.ts(now.minus(PRESENCE)));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static int activeChats(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM chats WHERE state = 'active'");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** How long chats that ended this past week lasted once accepted, on average, in minutes. */
    static double averageChatMinutes(Connection c, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*), AVG(TIMESTAMPDIFF(SECOND, accepted_at, ended_at))"
                + " FROM chats WHERE state = 'ended' AND accepted_at IS NOT NULL AND ended_at > ?")) {
            s.setTimestamp(1, ChatDb.ts(now.minus(Duration.ofDays(7))));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getInt(1) < MIN_RECENT_CHATS) {
                    return DEFAULT_CHAT_MINUTES;
                }
                return Math.max(1, rs.getDouble(2) / 60);
            }
        }
    }

    /**
     * The wait band in minutes for a reader at this place: a free seat answers in a minute or two; otherwise one seat
     * frees every {@code average / seats} minutes.
     */
    static int[] band(int position, int counsellors, int capacity, int active, double averageMinutes) {
        int seats = Math.max(1, counsellors) * capacity;
        int free = Math.max(0, Math.max(1, counsellors) * capacity - active);
        if (position <= free) {
            return new int[] {0, 2};
        }
        int ahead = position - free;
        double perSeat = averageMinutes / seats;
        int lo = (int) Math.floor((ahead - 1) * perSeat);
        int hi = (int) Math.ceil(ahead * perSeat) + 2;
        return new int[] {lo, Math.max(hi, lo + 1)};
    }

    /** SOS chats waiting: a new SOS chat comes after them, before every other. */
    static int sosAhead(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM chats WHERE state = 'queued' AND sos");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Whether a counsellor blocked this address hash and the block still holds. */
    static boolean blocked(Connection c, byte[] address, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM chat_blocks WHERE address_hash = ? AND until > ?")) {
            s.setBytes(1, address);
            s.setTimestamp(2, ChatDb.ts(now));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
