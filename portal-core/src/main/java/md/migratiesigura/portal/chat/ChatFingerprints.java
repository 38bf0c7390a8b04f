package md.migratiesigura.portal.chat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * What a reader's long-poll compares: a short text per chat (state, last sequence number, place in the queue,
 * whether the counsellor is typing) that changes whenever the reader would see something new. Read for all waiting
 * readers together by the poller, and with the reader's view when a poll starts ({@link ChatView#fingerprint()}).
 */
final class ChatFingerprints {

    private ChatFingerprints() {
    }

    static String of(String state, int lastSeq, int position, boolean counsellorTyping) {
        return state + "/" + lastSeq + "/" + position + "/" + counsellorTyping;
    }

    /**
     * The chats' fingerprints, in one query, with the places of {@code queue}; a counsellor who typed after
     * {@code typingSince} is typing.
     */
    static Map<Long, String> of(Connection c, Collection<Long> chatIds, QueueReadings.Reading queue,
                                Instant typingSince) throws SQLException {
        Map<Long, String> result = new HashMap<>();
        String in = String.join(",", Collections.nCopies(chatIds.size(), "?"));
        // Whether the counsellor is typing is decided by the server: no time to decode per row, four times a second.
        try (PreparedStatement s = c.prepareStatement("SELECT id, state, last_seq,"
                + " COALESCE(counsellor_typing_at > ?, FALSE) FROM chats WHERE id IN (" + in + ")")) {
            s.setTimestamp(1, ChatDb.ts(typingSince));
            int i = 2;
            for (Long id : chatIds) {
                s.setLong(i++, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    result.put(id, of(rs.getString(2), rs.getInt(3), queue.place(id), rs.getBoolean(4)));
                }
            }
        }
        return result;
    }
}
