package md.migratiesigura.portal.chat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.chat.ChatException.Reason;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.consultation.Channel;
import md.migratiesigura.portal.consultation.ConsultationService;
import md.migratiesigura.portal.consultation.NewConsultation;
import md.migratiesigura.portal.consultation.Submitted;
import md.migratiesigura.portal.consultation.Topic;
import md.migratiesigura.portal.register.EntryKind;
import md.migratiesigura.portal.register.RegisterService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counsellors' side: available or paused, the queue (never a text before acceptance), accepting up to the
 * capacity, answering, transferring, closing with a topic, continuing in writing, ending and blocking.
 */
public final class ChatConsole {

    /** A block keeps an address from starting chats this long. */
    static final Duration BLOCK = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(ChatConsole.class);

    private final ChatService chats;
    private final ConsultationService consultations;
    private RegisterService register;
    private AuditService audit;

    public ChatConsole(ChatService chats, ConsultationService consultations) {
        this.chats = chats;
        this.consultations = consultations;
    }

    /**
     * Closing a chat (and ending an abusive one) then records it in the hotline register (see
     * {@link #close(SignedInUser, long, Topic, EntryKind)}).
     */
    public ChatConsole recordingIn(RegisterService register) {
        this.register = register;
        return this;
    }

    /** Ending and blocking a chat is then recorded in the audit log ({@link AuditAction#CHAT_BLOCKED}). */
    public ChatConsole auditingIn(AuditService audit) {
        this.audit = audit;
        return this;
    }

    /** The console calls in (every poll): the counsellor is there; {@code available} null keeps the choice. */
    public boolean presence(SignedInUser user, Boolean available) {
        Instant now = chats.clock().instant();
        ChatDb.Work<Boolean> work = c -> ConsoleSnapshot.presence(c, user.id(), available, now);
        return available == null ? chats.db().tx(work) : chats.changing(work);
    }

    /**
     * Everything the console shows, on one connection (the counsellor is seen too); the waiting list only when it is
     * not the version the console holds ({@code waitingVersion}, null for none).
     */
    public ConsoleSnapshot snapshot(SignedInUser user, Map<Long, Integer> after, String waitingVersion) {
        Instant now = chats.clock().instant();
        return chats.db().statements(c -> ConsoleSnapshot.read(this, chats, c, user, after, waitingVersion, now));
    }

    /** The counsellor's session ended: their chats go back to the head of the queue, and they are not available. */
    public void leave(long userId) {
        Instant now = chats.clock().instant();
        chats.changing(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE chat_counsellors SET available = FALSE WHERE user_id = ?")) {
                s.setLong(1, userId);
                s.executeUpdate();
            }
            giveBack(c, userId, now);
            return null;
        });
    }

    /** Every active chat of the counsellor goes back to the head of the queue, and its reader is told. */
    void giveBack(Connection c, long userId, Instant now) throws SQLException {
        for (long id : ids(c, "SELECT id FROM chats WHERE counsellor_id = ? AND state = 'active'", userId)) {
            Language language = ChatService.language(c, id);
            chats.messages().append(c, id, Sender.SYSTEM, null, ChatTexts.givenBack(language), now);
            try (PreparedStatement s = c.prepareStatement("UPDATE chats SET state = 'queued', counsellor_id = NULL,"
                    + " requeued = TRUE, counsellor_typing_at = NULL WHERE id = ? AND state = 'active'")) {
                s.setLong(1, id);
                s.executeUpdate();
            }
        }
    }

    private static List<Long> ids(Connection c, String sql, long parameter) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** The waiting chats in the order they are offered: SOS first, then those given back, then the longest waiting. */
    public List<WaitingChat> waiting() {
        Instant now = chats.clock().instant();
        return chats.db().tx(c -> ConsoleSnapshot.waiting(c, now));
    }

    /**
     * Takes a waiting chat, within the capacity.
     *
     * @throws ChatException {@link Reason#NOT_POSSIBLE} when the counsellor holds as many chats as allowed or another
     *         counsellor took it first
     */
    public void accept(SignedInUser user, long chatId) {
        Instant now = chats.clock().instant();
        chats.changing(c -> {
            // The counsellor's row serializes their accepts, so that two at once cannot pass the capacity.
            try (PreparedStatement s = c.prepareStatement("INSERT INTO chat_counsellors (user_id, available, seen_at)"
                    + " VALUES (?, TRUE, ?) ON DUPLICATE KEY UPDATE seen_at = VALUES(seen_at)")) {
                s.setLong(1, user.id());
                s.setTimestamp(2, ChatDb.ts(now));
                s.executeUpdate();
            }
            if (ids(c, "SELECT id FROM chats WHERE counsellor_id = ? AND state = 'active'", user.id()).size()
                    >= chats.settings().capacity()) {
                throw new ChatException(Reason.NOT_POSSIBLE);
            }
            Instant firstAccepted;
            Instant created;
            Language language;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT accepted_at, created_at, lang FROM chats WHERE id = ? AND state = 'queued' FOR UPDATE")) {
                s.setLong(1, chatId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new ChatException(Reason.NOT_POSSIBLE);
                    }
                    firstAccepted = ChatDb.instant(rs.getTimestamp(1));
                    created = ChatDb.instant(rs.getTimestamp(2));
                    language = Language.ofCode(rs.getString(3)).orElse(Language.RO);
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE chats SET state = 'active', counsellor_id = ?,"
                    + " accepted_at = COALESCE(accepted_at, ?), requeued = FALSE WHERE id = ?")) {
                s.setLong(1, user.id());
                s.setTimestamp(2, ChatDb.ts(now));
                s.setLong(3, chatId);
                s.executeUpdate();
            }
            if (firstAccepted == null) {
                ChatCounts.add(c, now, language, ChatCounts.ANSWERED, 1);
                ChatCounts.addWait(c, now, language, Duration.between(created, now).toSeconds());
            }
            chats.messages().append(c, chatId, Sender.SYSTEM, null, ChatTexts.accepted(language), now);
            return null;
        });
    }

    /**
     * The counsellor's chats with the messages after the seq each was last read at ({@code after}: chat id to seq,
     * missing means from the start), and whether each reader is typing.
     */
    public List<CounsellorChat> mine(SignedInUser user, Map<Long, Integer> after) {
        Instant now = chats.clock().instant();
        return chats.db().tx(c -> ConsoleSnapshot.mine(chats, c, user.id(), after, now));
    }

    /** Sends the counsellor's answer; returns its sequence number. */
    public int send(SignedInUser user, long chatId, String clientId, String text) {
        String checked = ChatMessages.checked(text);
        Instant now = chats.clock().instant();
        return chats.db().tx(c -> {
            holding(c, user, chatId);
            try (PreparedStatement s = c.prepareStatement("UPDATE chats SET counsellor_typing_at = NULL WHERE id = ?")) {
                s.setLong(1, chatId);
                s.executeUpdate();
            }
            return chats.messages().append(c, chatId, Sender.COUNSELLOR, clientId, checked, now);
        });
    }

    /** The counsellor is typing: the reader sees "typing" (yes or no) for a few seconds. */
    public void typing(SignedInUser user, long chatId) {
        Instant now = chats.clock().instant();
        chats.db().tx(c -> {
            holding(c, user, chatId);
            try (PreparedStatement s = c.prepareStatement("UPDATE chats SET counsellor_typing_at = ? WHERE id = ?")) {
                s.setTimestamp(1, ChatDb.ts(now));
                s.setLong(2, chatId);
                return s.executeUpdate();
            }
        });
    }

    private static void holding(Connection c, SignedInUser user, long chatId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM chats WHERE id = ? AND counsellor_id = ? AND state = 'active' FOR UPDATE")) {
            s.setLong(1, chatId);
            s.setLong(2, user.id());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new ChatException(Reason.NO_CHAT);
                }
            }
        }
    }

    /**
     * Ends the chat with a topic (consultation topics' codes) and records it in the hotline register: channel chat,
     * dated today, of the kind the counsellor confirmed, with the chat's topic; nothing the reader wrote.
     * <p>
     * The chat's tables are plain JDBC and the register is Hibernate, so the entry is recorded right after the chat's
     * transaction has committed, not in it: the close always stands, and a failure to record is logged (the chat's
     * number and the error's class, never a text) for the counsellor to add the entry by hand in the register.
     *
     * @param kind what the chat was about, as the counsellor confirmed it (required)
     */
    public void close(SignedInUser user, long chatId, Topic topic, EntryKind kind) {
        checkRecording(kind);
        Instant now = chats.clock().instant();
        chats.changing(c -> {
            holding(c, user, chatId);
            setTopic(c, chatId, topic);
            chats.end(c, chatId, now, ChatTexts::endedByCounsellor);
            return null;
        });
        recordInRegister(chatId, user, topic, kind);
    }

    private void checkRecording(EntryKind kind) {
        if (register == null) {
            throw new IllegalStateException("no hotline register to record the chat in");
        }
        if (kind == null) {
            throw new IllegalArgumentException("the kind of the chat is required");
        }
    }

    private static void setTopic(Connection c, long chatId, Topic topic) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE chats SET topic = ? WHERE id = ?")) {
            s.setString(1, topic == null ? null : topic.code());
            s.setLong(2, chatId);
            s.executeUpdate();
        }
    }

    /**
     * THE place where a closed chat becomes an entry of the hotline register (channel chat, its kind and topic;
     * docs/hotline-register.md), once the chat's own transaction has committed. A chat given back to the queue,
     * abandoned while waiting or ended by its reader records nothing here; a chat continued in writing becomes a
     * consultation, which records its own entry when it is closed (one contact, one entry).
     */
    private void recordInRegister(long chatId, SignedInUser user, Topic topic, EntryKind kind) {
        try {
            register.recordChat(user, kind, topic == null ? null : topic.code());
        } catch (RuntimeException e) {
            log.error("Chat {} was closed, but its hotline register entry could not be recorded: {}", chatId,
                    e.getClass().getName());
        }
    }

    /**
     * Ends an abusive chat and keeps its address (as a keyed hash) from starting chats for 24 hours. It was a chat
     * all the same: it is recorded in the register like a closed one. The block is audited ({@code CHAT_BLOCKED},
     * target "chat #id").
     */
    public void endAndBlock(SignedInUser user, long chatId, Topic topic, EntryKind kind) {
        checkRecording(kind);
        if (audit == null) {
            throw new IllegalStateException("no audit log to record the block in");
        }
        Instant now = chats.clock().instant();
        chats.changing(c -> {
            holding(c, user, chatId);
            byte[] address;
            try (PreparedStatement s = c.prepareStatement("SELECT address_hash FROM chats WHERE id = ?")) {
                s.setLong(1, chatId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    address = rs.getBytes(1);
                }
            }
            if (address != null) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO chat_blocks (address_hash, until) VALUES (?, ?)"
                        + " ON DUPLICATE KEY UPDATE until = VALUES(until)")) {
                    s.setBytes(1, address);
                    s.setTimestamp(2, ChatDb.ts(now.plus(BLOCK)));
                    s.executeUpdate();
                }
            }
            setTopic(c, chatId, topic);
            chats.end(c, chatId, now, ChatTexts::endedByCounsellor);
            return null;
        });
        recordInRegister(chatId, user, topic, kind);
        ChatAudit.record(audit, user, AuditAction.CHAT_BLOCKED, "chat #" + chatId);
    }

    /** The colleagues a chat may be handed to: available now, with room for one more chat. */
    public List<Colleague> colleagues(SignedInUser user) {
        Instant now = chats.clock().instant();
        return chats.db().tx(c -> colleagues(c, user, now));
    }

    List<Colleague> colleagues(Connection c, SignedInUser user, Instant now) throws SQLException {
        List<Colleague> list = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT u.id, u.display_name FROM chat_counsellors cc"
                + " JOIN users u ON u.id = cc.user_id WHERE cc.available AND cc.seen_at > ? AND u.id <> ? AND u.enabled"
                + " AND (SELECT COUNT(*) FROM chats ch WHERE ch.counsellor_id = u.id AND ch.state = 'active') < ?"
                + " ORDER BY u.display_name, u.id")) {
            s.setTimestamp(1, ChatDb.ts(now.minus(ChatQueue.PRESENCE)));
            s.setLong(2, user.id());
            s.setInt(3, chats.settings().capacity());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    list.add(new Colleague(rs.getLong(1), rs.getString(2)));
                }
            }
        }
        return list;
    }

    /**
     * Hands the chat to a colleague who is available and has room, with a note only counsellors see.
     *
     * @throws ChatException {@link Reason#NOT_POSSIBLE} when the colleague is not available or has no room
     */
    public void transfer(SignedInUser user, long chatId, long colleagueId, String note) {
        Instant now = chats.clock().instant();
        chats.db().tx(c -> {
            holding(c, user, chatId);
            if (colleagues(c, user, now).stream().noneMatch(colleague -> colleague.id() == colleagueId)) {
                throw new ChatException(Reason.NOT_POSSIBLE);
            }
            Language language = ChatService.language(c, chatId);
            try (PreparedStatement s = c.prepareStatement("UPDATE chats SET counsellor_id = ?, transfer_note = ?"
                    + " WHERE id = ?")) {
                s.setLong(1, colleagueId);
                String kept = note == null || note.isBlank() ? null : note.strip();
                if (kept != null && kept.codePointCount(0, kept.length()) > 500) {
                    kept = kept.substring(0, kept.offsetByCodePoints(0, 500));
                }
                s.setBytes(2, chats.messages().sealNote(chatId, kept));
                s.setLong(3, chatId);
                s.executeUpdate();
            }
            chats.messages().append(c, chatId, Sender.SYSTEM, null, ChatTexts.transferred(language), now);
            return null;
        });
    }

    /**
     * Turns the chat into an online consultation (the reader's messages are its question) and gives the reader its
     * ticket code and phrase in the chat; the chat then ends.
     */
    public Submitted continueInWriting(SignedInUser user, long chatId, Topic topic, String answerUrl) {
        Instant now = chats.clock().instant();
        StringBuilder question = new StringBuilder();
        boolean[] sos = new boolean[1];
        Language language = chats.db().tx(c -> {
            holding(c, user, chatId);
            for (ChatEvent event : chats.messages().after(c, chatId, 0)) {
                if (event.from() == Sender.READER) {
                    question.append(event.text()).append("\n\n");
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT sos FROM chats WHERE id = ?")) {
                s.setLong(1, chatId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    sos[0] = rs.getBoolean(1);
                }
            }
            return ChatService.language(c, chatId);
        });
        String text = question.length() == 0 ? "(chat)" : question.toString().strip();
        if (text.length() > ConsultationService.MAX_QUESTION) {
            text = text.substring(0, ConsultationService.MAX_QUESTION);
        }
        Submitted submitted = consultations.submit(new NewConsultation(language, topic, text, sos[0], Channel.TICKET,
                null), "chat-" + chatId);
        chats.changing(c -> {
            chats.messages().append(c, chatId, Sender.SYSTEM, null, ChatTexts.inWriting(language,
                    submitted.displayTicket(), submitted.phrase(), answerUrl), now);
            // No register entry here: the consultation records its own when it is closed.
            chats.end(c, chatId, now, ChatTexts::endedByCounsellor);
            return null;
        });
        return submitted;
    }
}
