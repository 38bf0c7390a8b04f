package md.migratiesigura.portal.chat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.SignedInUser;

/**
 * Everything one call of the counsellor's console shows, read on one connection ({@link ChatConsole#snapshot}) statement
 * by statement, without a transaction (the console calls every second, and the next call shows what one missed):
 * the counsellor is there (and available or not), the waiting chats, the counsellor's chats with their new messages,
 * the colleagues a chat may be handed to and the canned answers.
 * <p>
 * The waiting list (up to hundreds of entries) is read and sent only when it changed: {@code waitingVersion} is a
 * short fingerprint of the queue (which chats, in which order, SOS, language, given back), the version of this node's
 * shared queue reading ({@link QueueReadings}: at most 250 ms old, read again at once after a change made here); when
 * the console sends back the version it holds and it is still current, {@code waiting} is null and the
 * console keeps its list (the waiting times it adds up itself from {@code at}).
 *
 * @param waiting        the waiting chats in the order offered; null when the console's version is current
 * @param waitingVersion the queue's fingerprint now
 */
public record ConsoleSnapshot(boolean available, List<WaitingChat> waiting, String waitingVersion,
                              List<CounsellorChat> chats, List<Colleague> colleagues, List<CannedAnswer> canned) {

    static ConsoleSnapshot read(ChatConsole console, ChatService service, Connection c, SignedInUser user,
                                Map<Long, Integer> after, String knownVersion, Instant now) throws SQLException {
        boolean available = presence(c, user.id(), null, now);
        String version = service.queue(c, now).version();
        List<WaitingChat> waiting = version.equals(knownVersion) ? null : waiting(c, now);
        return new ConsoleSnapshot(available, waiting, version, mine(service, c, user.id(), after, now),
                console.colleagues(c, user, now), canned(c));
    }

    /** A console calls in every second; it is noted as seen at most this often (presence counts in tens of seconds). */
    static final Duration SEEN_EVERY = Duration.ofSeconds(10);

    /**
     * The counsellor calls in: seen now; {@code available} null keeps the choice. Returns whether available. A poll
     * that changes nothing writes nothing: "seen" is written when {@link #SEEN_EVERY} has passed.
     */
    static boolean presence(Connection c, long userId, Boolean available, Instant now) throws SQLException {
        Boolean stored = null;
        Instant seen = null;
        try (PreparedStatement s = c.prepareStatement("SELECT available, seen_at FROM chat_counsellors WHERE user_id = ?")) {
            s.setLong(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    stored = rs.getBoolean(1);
                    seen = ChatDb.instant(rs.getTimestamp(2));
                }
            }
        }
        boolean result = available != null ? available : stored != null && stored;
        if (stored == null || available != null || seen == null || seen.isBefore(now.minus(SEEN_EVERY))) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO chat_counsellors (user_id, available, seen_at)"
                    + " VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE seen_at = VALUES(seen_at)"
                    + (available == null ? "" : ", available = VALUES(available)"))) {
                s.setLong(1, userId);
                s.setBoolean(2, result);
                s.setTimestamp(3, ChatDb.ts(now));
                s.executeUpdate();
            }
        }
        return result;
    }

    /** The waiting chats in the order they are offered: SOS first, then those given back, then the longest waiting. */
    static List<WaitingChat> waiting(Connection c, Instant now) throws SQLException {
        List<WaitingChat> list = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, lang, sos, created_at, requeued FROM chats"
                + " WHERE state = 'queued' " + ChatQueue.ORDER);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                list.add(new WaitingChat(rs.getLong(1), Language.ofCode(rs.getString(2)).orElse(Language.RO),
                        rs.getBoolean(3), Duration.between(ChatDb.instant(rs.getTimestamp(4)), now).toSeconds(),
                        rs.getBoolean(5)));
            }
        }
        return list;
    }

    /**
     * The counsellor's chats with the messages after the seq each was last read at (missing: from the start): one
     * query for the chats, and one for the messages of those that have new ones (a console polls every second).
     */
    static List<CounsellorChat> mine(ChatService chats, Connection c, long userId, Map<Long, Integer> after,
                                     Instant now) throws SQLException {
        record Row(long id, Language language, boolean sos, boolean typing, byte[] note, int lastSeq) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, lang, sos, reader_typing_at, transfer_note, last_seq"
                + " FROM chats WHERE counsellor_id = ? AND state = 'active' ORDER BY accepted_at, id")) {
            s.setLong(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Instant typed = ChatDb.instant(rs.getTimestamp(4));
                    rows.add(new Row(rs.getLong(1), Language.ofCode(rs.getString(2)).orElse(Language.RO),
                            rs.getBoolean(3), typed != null && typed.isAfter(now.minus(ChatService.TYPING)),
                            rs.getBytes(5), rs.getInt(6)));
                }
            }
        }
        Map<Long, Integer> unread = new LinkedHashMap<>();
        for (Row row : rows) {
            int seen = Math.max(0, after.getOrDefault(row.id(), 0));
            if (row.lastSeq() > seen) {
                unread.put(row.id(), seen);
            }
        }
        Map<Long, List<ChatEvent>> events = chats.messages().after(c, unread);
        List<CounsellorChat> list = new ArrayList<>();
        for (Row row : rows) {
            list.add(new CounsellorChat(row.id(), row.language(), row.sos(), ChatState.ACTIVE, row.typing(),
                    chats.messages().openNote(row.id(), row.note()), events.getOrDefault(row.id(), List.of())));
        }
        return list;
    }

    /** Every canned answer, Romanian first, in the order they were added. */
    static List<CannedAnswer> canned(Connection c) throws SQLException {
        List<CannedAnswer> list = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, lang, text FROM chat_canned ORDER BY lang, id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                list.add(new CannedAnswer(rs.getLong(1), Language.ofCode(rs.getString(2)).orElse(Language.RO),
                        rs.getString(3)));
            }
        }
        return list;
    }
}
