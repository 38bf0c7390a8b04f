package md.migratiesigura.portal.chat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import md.migratiesigura.portal.chat.ChatException.Reason;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.PortalTime;
import md.migratiesigura.portal.config.ChatSettings;
import md.migratiesigura.portal.consultation.ConsultationCipher;
import md.migratiesigura.portal.consultation.RateLimit;
import md.migratiesigura.portal.throttle.MemoryThrottleStore;
import md.migratiesigura.portal.throttle.ThrottleStore;

/**
 * The reader's side of the live chat: asking to chat (or being told it is closed, and why), sending, reading what
 * came after the last message seen, ending. The reader's token is random and shown once; only its SHA-256 is kept.
 * The counsellors' side is {@link ChatConsole}; the clean-up {@link ChatSweeper}.
 */
public final class ChatService {

    public static final int MAX_TEXT = 2_000;
    /** The client id a page gives each message: short and plain. */
    private static final String CLIENT_ID = "[A-Za-z0-9_-]{1,64}";
    /** After a counsellor ended it, the reader's token still reads the chat this long (to see that it ended). */
    static final Duration ENDED_GRACE = Duration.ofMinutes(2);
    /** Typing shows for this long after the last key. */
    static final Duration TYPING = Duration.ofSeconds(6);

    private final ChatDb db;
    private final QueueReadings queue = new QueueReadings();
    private final ReadersSeen readersSeen = new ReadersSeen();
    private final ChatMessages messages;
    private final ChatSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final byte[] addressKey;
    private final RateLimit starts;
    private final RateLimit sends;

    /** Chats an address may start in any ten minutes. */
    static final int STARTS_PER_10_MINUTES = 6;
    /** Messages a reader may send per chat and minute. */
    static final int SENDS_PER_MINUTE = 30;

    /** With the limits counted in this process's memory only (a test's single node). */
    public ChatService(DataSource dataSource, ConsultationCipher cipher, ChatSettings settings, Clock clock) {
        this(dataSource, cipher, settings, clock, new MemoryThrottleStore(clock, 10_000));
    }

    /**
     * With the limits (chats started per address, messages per chat and minute) counted in {@code throttles}: the
     * database's, so that every portal node shares them and N nodes do not allow N times the chats.
     */
    public ChatService(DataSource dataSource, ConsultationCipher cipher, ChatSettings settings, Clock clock,
                       ThrottleStore throttles) {
        this.db = new ChatDb(dataSource);
        this.messages = new ChatMessages(cipher);
        this.settings = settings;
        this.clock = clock;
        this.addressKey = cipher.derive("chat-address");
        this.starts = new RateLimit("chat-starts", STARTS_PER_10_MINUTES, Duration.ofMinutes(10), clock, throttles);
        this.sends = new RateLimit("chat-sends", SENDS_PER_MINUTE, Duration.ofMinutes(1), clock, throttles);
    }

    ChatDb db() {
        return db;
    }

    /**
     * Runs a transaction that may move the queue (a chat starts, is taken, given back or ends; a counsellor becomes
     * available or not): once it committed, this node's next queue reading is taken afresh.
     */
    <T> T changing(ChatDb.Work<T> work) {
        T result = db.tx(work);
        queue.changed();
        return result;
    }

    /** The queue's shared reading (see {@link QueueReadings}), in a transaction under way. */
    QueueReadings.Reading queue(Connection c, Instant now) throws SQLException {
        return queue.read(c, now, false);
    }

    /** When readers last asked through this node, written by the sweeper. */
    ReadersSeen readersSeen() {
        return readersSeen;
    }

    ChatMessages messages() {
        return messages;
    }

    Clock clock() {
        return clock;
    }

    public ChatSettings settings() {
        return settings;
    }

    /**
     * A keyed hash of a client address (HMAC-SHA256 with a key derived from the consultations' key): what the limits
     * and blocks are kept by, never the address itself.
     */
    public byte[] addressHash(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(addressKey, "HmacSHA256"));
            return mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same keyed hash as text: the key of the limits (which the throttle store hashes again). */
    public String addressKey(String address) {
        return Base64.getEncoder().encodeToString(addressHash(address));
    }

    /** Whether the chat takes new readers at this moment (hours only). */
    public boolean withinHours() {
        return settings.isOpenAt(LocalTime.ofInstant(clock.instant(), PortalTime.ZONE));
    }

    /** When the chat opens, {@code HH:mm}. */
    public String opens() {
        return settings.opens().toString();
    }

    /**
     * A reader asks to chat: a place in the queue and a token, or closed with the reason (outside the hours, no
     * counsellor available, or more waiting than can be answered before closing; an SOS chat is never turned away
     * as full).
     *
     * @throws ChatException {@link Reason#TOO_MANY} when this address started too many chats lately,
     *         {@link Reason#BLOCKED} when a counsellor blocked it
     */
    public Opening open(Language language, boolean sos, String clientAddress) {
        byte[] address = addressHash(clientAddress);
        if (!starts.acquire(Base64.getEncoder().encodeToString(address)).isZero()) {
            throw new ChatException(Reason.TOO_MANY);
        }
        Instant now = clock.instant();
        return changing(c -> {
            if (ChatQueue.blocked(c, address, now)) {
                throw new ChatException(Reason.BLOCKED);
            }
            ZonedDateTime local = now.atZone(PortalTime.ZONE);
            if (!settings.isOpenAt(local.toLocalTime())) {
                ChatCounts.add(c, now, language, ChatCounts.TURNED_AWAY_HOURS, 1);
                return new Opening.Closed("hours", opens());
            }
            int counsellors = ChatQueue.availableCounsellors(c, now);
            if (counsellors == 0) {
                ChatCounts.add(c, now, language, ChatCounts.TURNED_AWAY_NO_COUNSELLOR, 1);
                return new Opening.Closed("no-counsellor", opens());
            }
            List<Long> queue = ChatQueue.queued(c);
            int position = sos ? ChatQueue.sosAhead(c) + 1 : queue.size() + 1;
            int active = ChatQueue.activeChats(c);
            double average = ChatQueue.averageChatMinutes(c, now);
            int[] band = ChatQueue.band(position, counsellors, settings.capacity(), active, average);
            if (!sos && settings.closes() != null) {
                long minutesLeft = Duration.between(local.toLocalTime(), settings.closes()).toMinutes();
                if (band[0] >= minutesLeft) {
                    ChatCounts.add(c, now, language, ChatCounts.TURNED_AWAY_FULL, 1);
                    return new Opening.Closed("full", opens());
                }
            }
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            long id;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO chats (token_hash, lang, sos, state,"
                    + " address_hash, reader_seen_at, created_at, queued_at) VALUES (?, ?, ?, 'queued', ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setBytes(1, sha256(token));
                insert.setString(2, language.code());
                insert.setBoolean(3, sos);
                insert.setBytes(4, address);
                insert.setTimestamp(5, ChatDb.ts(now));
                insert.setTimestamp(6, ChatDb.ts(now));
                insert.setTimestamp(7, ChatDb.ts(now));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            ChatCounts.add(c, now, language, ChatCounts.OFFERED, 1);
            if (sos) {
                ChatCounts.add(c, now, language, ChatCounts.SOS, 1);
            }
            return new Opening.Started(token, id, position, band);
        });
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The chat a token opens: a live one, or one a counsellor ended a moment ago. Empty for a wrong token, a chat the
     * reader ended, or one that ended a while ago.
     */
    public Optional<Long> chatOf(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return db.statements(c -> chatOf(c, token, now));
    }

    private static Optional<Long> chatOf(Connection c, String token, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM chats WHERE token_hash = ?"
                + " AND (state <> 'ended' OR ended_at > ?)")) {
            s.setBytes(1, sha256(token));
            s.setTimestamp(2, ChatDb.ts(now.minus(ENDED_GRACE)));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /**
     * {@link #chatOf(String)} and {@link #readerView(long, int)} on one connection (a long-poll's start): empty for
     * a token that opens no chat.
     */
    public Optional<ChatView> readerView(String token, int after) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return db.statements(c -> {
            Optional<Long> chat = chatOf(c, token, now);
            return chat.isEmpty() ? Optional.<ChatView>empty() : Optional.of(readerView(c, chat.get(), after, now));
        });
    }

    /**
     * What the reader sees after the given sequence number; also notes that the reader is still there. Statement by
     * statement, no transaction ({@link ChatDb#statements}): the chat's row is read before its messages, and a
     * message is written in the same transaction as the row's last sequence number, so the news read are never
     * fewer than the fingerprint says.
     */
    public ChatView readerView(long chatId, int after) {
        Instant now = clock.instant();
        return db.statements(c -> readerView(c, chatId, after, now));
    }

    private ChatView readerView(Connection c, long chatId, int after, Instant now) throws SQLException {
        // Noted in memory, written with all the others by the sweeper's next pass: a poll writes nothing.
        readersSeen.note(chatId, now);
        return view(c, chatId, after, now);
    }

    /** What the reader sees: the state, the counsellor typing or not, the place and band while waiting, news. */
    private ChatView view(Connection c, long chatId, int after, Instant now) throws SQLException {
        ChatState state;
        String stored;
        int lastSeq;
        boolean counsellorTyping;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT state, counsellor_typing_at, last_seq FROM chats WHERE id = ?")) {
            s.setLong(1, chatId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new ChatException(Reason.NO_CHAT);
                }
                stored = rs.getString(1);
                state = ChatState.of(stored);
                Instant counsellorTyped = ChatDb.instant(rs.getTimestamp(2));
                counsellorTyping = counsellorTyped != null && counsellorTyped.isAfter(now.minus(TYPING));
                lastSeq = rs.getInt(3);
            }
        }
        boolean typing = state == ChatState.ACTIVE && counsellorTyping;
        int position = 0;
        int[] band = null;
        if (state == ChatState.QUEUED) {
            QueueReadings.Reading reading = queue.read(c, now, false);
            position = reading.place(chatId);
            if (position == 0) {
                // It waits but was not in this node's last reading: it just started or was given back elsewhere.
                reading = queue.read(c, now, true);
                position = reading.place(chatId);
            }
            band = reading.band(position, settings.capacity());
        }
        // Most polls find nothing new: the chat row's last sequence number says so without reading the messages.
        List<ChatEvent> events = lastSeq > after ? messages.after(c, chatId, Math.max(0, after)) : List.of();
        return new ChatView(chatId, state, position, band, typing, events,
                ChatFingerprints.of(stored, lastSeq, position, counsellorTyping));
    }

    /**
     * Stores what the reader wrote and returns its sequence number; the same client id twice is stored once.
     *
     * @throws ChatException {@link Reason#EMPTY}, {@link Reason#TOO_LONG}, {@link Reason#TOO_MANY} (per chat and
     *         minute), {@link Reason#NO_CHAT} when the chat has ended
     */
    public int send(long chatId, String clientId, String text) {
        String checked = ChatMessages.checked(text);
        if (clientId != null && !clientId.matches(CLIENT_ID)) {
            throw new ChatException(Reason.EMPTY);
        }
        if (!sends.acquire("chat-" + chatId).isZero()) {
            throw new ChatException(Reason.TOO_MANY);
        }
        Instant now = clock.instant();
        int seq = db.tx(c -> messages.append(c, chatId, Sender.READER, clientId, checked, now));
        if (seq < 0) {
            throw new ChatException(Reason.NO_CHAT);
        }
        return seq;
    }

    /** The reader is typing (shown to the counsellor as yes or no for a few seconds). */
    public void readerTyping(long chatId) {
        Instant now = clock.instant();
        db.tx(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE chats SET reader_typing_at = ? WHERE id = ? AND state = 'active'")) {
                s.setTimestamp(1, ChatDb.ts(now));
                s.setLong(2, chatId);
                return s.executeUpdate();
            }
        });
    }

    /** The reader ends the chat (or leaves the page): the token stops working at once. */
    public void endByReader(long chatId) {
        Instant now = clock.instant();
        changing(c -> {
            end(c, chatId, now, ChatTexts::endedByReader);
            try (PreparedStatement s = c.prepareStatement("UPDATE chats SET token_hash = ? WHERE id = ?")) {
                byte[] dead = new byte[32];
                random.nextBytes(dead);
                s.setBytes(1, dead);
                s.setLong(2, chatId);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** A text in a chat's language. */
    interface SystemText {
        String in(Language language);
    }

    /**
     * Ends a chat with a system message and counts it: abandoned when it was still waiting, its length when it was
     * answered. Returns false when it had already ended.
     */
    boolean end(Connection c, long chatId, Instant now, SystemText text) throws SQLException {
        Language language;
        ChatState state;
        Instant acceptedAt;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT lang, state, accepted_at FROM chats WHERE id = ? FOR UPDATE")) {
            s.setLong(1, chatId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                language = Language.ofCode(rs.getString(1)).orElse(Language.RO);
                state = ChatState.of(rs.getString(2));
                acceptedAt = ChatDb.instant(rs.getTimestamp(3));
            }
        }
        if (state == ChatState.ENDED) {
            return false;
        }
        messages.append(c, chatId, Sender.SYSTEM, null, text.in(language), now);
        try (PreparedStatement s = c.prepareStatement("UPDATE chats SET state = 'ended', ended_at = ?,"
                + " address_hash = NULL, reader_typing_at = NULL, counsellor_typing_at = NULL, transfer_note = NULL"
                + " WHERE id = ?")) {
            s.setTimestamp(1, ChatDb.ts(now));
            s.setLong(2, chatId);
            s.executeUpdate();
        }
        if (acceptedAt == null) {
            ChatCounts.add(c, now, language, ChatCounts.ABANDONED, 1);
        } else {
            ChatCounts.add(c, now, language, ChatCounts.MINUTES,
                    (int) ((Duration.between(acceptedAt, now).toSeconds() + 30) / 60));
        }
        return true;
    }

    /**
     * For each of the given chats, a short text that changes whenever its reader would see something new (a message,
     * another state, another place in the queue, the counsellor starting or stopping to type): what the long-poll
     * compares, in one query for all waiting readers together and the queue's shared reading ({@link ChatFingerprints}).
     */
    public Map<Long, String> fingerprints(Collection<Long> chatIds) {
        Instant now = clock.instant();
        return chatIds.isEmpty() ? Map.of()
                : db.statements(c -> ChatFingerprints.of(c, chatIds, queue.read(c, now, false), now.minus(TYPING)));
    }

    /** The language a chat is held in. */
    public Language language(long chatId) {
        return db.tx(c -> language(c, chatId));
    }

    /** The language of a chat, read in a transaction under way. */
    static Language language(Connection c, long chatId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT lang FROM chats WHERE id = ?")) {
            s.setLong(1, chatId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new ChatException(Reason.NO_CHAT);
                }
                return Language.ofCode(rs.getString(1)).orElse(Language.RO);
            }
        }
    }

    /** One month's numbers, for the annual report. */
    public ChatCounts.Month month(YearMonth month) {
        return db.tx(c -> ChatCounts.read(c, month));
    }
}
