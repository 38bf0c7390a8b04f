package md.migratiesigura.portal.chat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import md.migratiesigura.portal.common.BackgroundThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the chats honest, on every node (each step is a conditional update, so nodes running it together do no
 * harm): a reader who stopped asking for news has left (abandoned while waiting, or the chat ends); a counsellor
 * whose console went silent gives their chats back to the head of the queue; chats ended longer ago than the
 * consultations' retention are deleted with their messages, and blocks older than a day go.
 */
public final class ChatSweeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatSweeper.class);
    /** A waiting reader's page asks at least every 25 seconds: this long without a word, the reader has gone. */
    static final Duration READER_GONE_WAITING = Duration.ofSeconds(90);
    static final Duration READER_GONE_TALKING = Duration.ofMinutes(10);
    /** A counsellor's console calls in every few seconds: this long silent, their chats go back. */
    static final Duration COUNSELLOR_SILENT = Duration.ofMinutes(3);

    private final ChatService chats;
    private final ChatConsole console;
    private final int retentionDays;
    private final ScheduledExecutorService executor = BackgroundThreads.scheduled("chat-sweeper");
    private Instant lastRetention = Instant.EPOCH;

    public ChatSweeper(ChatService chats, ChatConsole console, int retentionDays) {
        this.chats = chats;
        this.console = console;
        this.retentionDays = retentionDays;
    }

    public ChatSweeper start() {
        executor.scheduleWithFixedDelay(this::run, 5, 5, TimeUnit.SECONDS);
        return this;
    }

    private void run() {
        try {
            sweep();
            if (Duration.between(lastRetention, chats.clock().instant()).toHours() >= 1) {
                deleteExpired();
                lastRetention = chats.clock().instant();
            }
        } catch (RuntimeException e) {
            log.warn("The chat sweep failed: {}", e.toString());
        }
    }

    /** One pass: readers gone (after writing when this node's readers last asked), counsellors silent. */
    public void sweep() {
        chats.readersSeen().write(chats.db());
        Instant now = chats.clock().instant();
        chats.changing(c -> {
            for (long id : ids(c.prepareStatement("SELECT id FROM chats WHERE state = 'queued' AND reader_seen_at < ?"),
                    now.minus(READER_GONE_WAITING))) {
                chats.end(c, id, now, ChatTexts::endedIdle);
            }
            for (long id : ids(c.prepareStatement("SELECT id FROM chats WHERE state = 'active' AND reader_seen_at < ?"),
                    now.minus(READER_GONE_TALKING))) {
                chats.end(c, id, now, ChatTexts::endedIdle);
            }
            for (long user : ids(c.prepareStatement("SELECT DISTINCT ch.counsellor_id FROM chats ch"
                    + " LEFT JOIN chat_counsellors cc ON cc.user_id = ch.counsellor_id"
                    + " WHERE ch.state = 'active' AND (cc.seen_at IS NULL OR cc.seen_at < ?)"), now.minus(COUNSELLOR_SILENT))) {
                console.giveBack(c, user, now);
            }
            return null;
        });
    }

    private static List<Long> ids(PreparedStatement statement, Instant before) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (statement) {
            statement.setTimestamp(1, ChatDb.ts(before));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Deletes chats ended more than the retention ago (their messages go with them) and expired blocks. */
    public int deleteExpired() {
        Instant now = chats.clock().instant();
        return chats.db().tx(c -> {
            int n;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM chats WHERE state = 'ended' AND ended_at < ?")) {
                s.setTimestamp(1, ChatDb.ts(now.minus(Duration.ofDays(retentionDays))));
                n = s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM chat_blocks WHERE until < ?")) {
                s.setTimestamp(1, ChatDb.ts(now));
                s.executeUpdate();
            }
            return n;
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
