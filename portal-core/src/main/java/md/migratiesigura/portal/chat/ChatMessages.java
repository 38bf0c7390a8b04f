package md.migratiesigura.portal.chat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.consultation.ConsultationCipher;

/**
 * A chat's messages: numbered per chat under the chat row's lock, sealed for their chat, number and sender, and
 * stored once per client id.
 */
final class ChatMessages {

    private final ConsultationCipher cipher;

    ChatMessages(ConsultationCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * A message's text as stored: stripped, not blank, at most {@link ChatService#MAX_TEXT} characters.
     *
     * @throws ChatException {@link ChatException.Reason#EMPTY}, {@link ChatException.Reason#TOO_LONG}
     */
    static String checked(String text) {
        if (text == null || text.isBlank()) {
            throw new ChatException(ChatException.Reason.EMPTY);
        }
        String stripped = text.strip();
        if (stripped.codePointCount(0, stripped.length()) > ChatService.MAX_TEXT) {
            throw new ChatException(ChatException.Reason.TOO_LONG);
        }
        return stripped;
    }

    /** A transfer note (counsellors only), sealed for its chat like the messages; null stays null. */
    byte[] sealNote(long chatId, String note) {
        return note == null ? null : cipher.seal(noteData(chatId), note.getBytes(StandardCharsets.UTF_8));
    }

    String openNote(long chatId, byte[] sealed) {
        return sealed == null ? null
                : new String(cipher.open(noteData(chatId), sealed, "chats.transfer_note"), StandardCharsets.UTF_8);
    }

    private static byte[] noteData(long chatId) {
        return ("chats/" + chatId + "/transfer_note").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] associatedData(long chatId, int seq, Sender sender) {
        return ("chat_messages/" + chatId + "/" + seq + "/" + sender.code()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Appends a message and returns its sequence number; a client id already stored for this chat and side returns
     * the number it got then, storing nothing. Returns -1 when the chat has ended.
     */
    int append(Connection c, long chatId, Sender sender, String clientId, String text, Instant now) throws SQLException {
        // The chat row's lock orders the messages of one chat, whichever node writes them.
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE chats SET last_seq = last_seq + 1 WHERE id = ? AND state <> 'ended'")) {
            update.setLong(1, chatId);
            if (update.executeUpdate() == 0) {
                return -1;
            }
        }
        if (clientId != null) {
            try (PreparedStatement find = c.prepareStatement(
                    "SELECT seq FROM chat_messages WHERE chat_id = ? AND sender = ? AND client_id = ?")) {
                find.setLong(1, chatId);
                find.setString(2, sender.code());
                find.setString(3, clientId);
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        int seq = rs.getInt(1);
                        try (PreparedStatement undo = c.prepareStatement(
                                "UPDATE chats SET last_seq = last_seq - 1 WHERE id = ?")) {
                            undo.setLong(1, chatId);
                            undo.executeUpdate();
                        }
                        return seq;
                    }
                }
            }
        }
        int seq;
        try (PreparedStatement read = c.prepareStatement("SELECT last_seq FROM chats WHERE id = ?")) {
            read.setLong(1, chatId);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                seq = rs.getInt(1);
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO chat_messages (chat_id, seq, sender, client_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, chatId);
            insert.setInt(2, seq);
            insert.setString(3, sender.code());
            insert.setString(4, clientId);
            insert.setBytes(5, cipher.seal(associatedData(chatId, seq, sender), text.getBytes(StandardCharsets.UTF_8)));
            insert.setTimestamp(6, ChatDb.ts(now));
            insert.executeUpdate();
        }
        return seq;
    }

    /** For several chats at once (chat id to the seq seen), their messages after it, opened, in order; one query. */
    Map<Long, List<ChatEvent>> after(Connection c, Map<Long, Integer> seen) throws SQLException {
        Map<Long, List<ChatEvent>> events = new HashMap<>();
        if (seen.isEmpty()) {
            return events;
        }
        String where = String.join(" OR ", Collections.nCopies(seen.size(), "(chat_id = ? AND seq > ?)"));
        try (PreparedStatement select = c.prepareStatement("SELECT chat_id, seq, sender, body, created_at"
                + " FROM chat_messages WHERE " + where + " ORDER BY chat_id, seq")) {
            int i = 1;
            for (Map.Entry<Long, Integer> entry : seen.entrySet()) {
                select.setLong(i++, entry.getKey());
                select.setInt(i++, entry.getValue());
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long chatId = rs.getLong(1);
                    events.computeIfAbsent(chatId, id -> new ArrayList<>()).add(open(chatId, rs, 2));
                }
            }
        }
        return events;
    }

    /** One message of a result set whose columns from {@code first} on are seq, sender, body, created_at. */
    private ChatEvent open(long chatId, ResultSet rs, int first) throws SQLException {
        int seq = rs.getInt(first);
        Sender sender = Sender.of(rs.getString(first + 1));
        String text = new String(cipher.open(associatedData(chatId, seq, sender), rs.getBytes(first + 2),
                "chat message " + chatId + "/" + seq), StandardCharsets.UTF_8);
        return new ChatEvent(seq, sender, text, ChatDb.instant(rs.getTimestamp(first + 3)));
    }

    /** The messages after the given sequence number, opened, in order. */
    List<ChatEvent> after(Connection c, long chatId, int after) throws SQLException {
        List<ChatEvent> events = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT seq, sender, body, created_at FROM chat_messages WHERE chat_id = ? AND seq > ? ORDER BY seq")) {
            select.setLong(1, chatId);
            select.setInt(2, after);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(open(chatId, rs, 1));
                }
            }
        }
        return events;
    }
}
