package md.migratiesigura.portal.web.chat;

import jakarta.servlet.AsyncContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import md.migratiesigura.portal.chat.ChatService;
import md.migratiesigura.portal.chat.ChatView;
import md.migratiesigura.portal.common.BackgroundThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The readers waiting in a long-poll, without a thread each: their requests are suspended ({@link AsyncContext}),
 * and one small thread asks the database every 250 ms, in one query for all of them, whether anything changed for
 * their chats. The database is the only channel, so a message written through another node arrives as quickly.
 */
final class ChatWaiters implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatWaiters.class);
    static final Duration TICK = Duration.ofMillis(250);

    /**
     * One suspended request: its chat, what it had seen, until when it waits, and the view it started from (what its
     * reader is told when the wait runs out with nothing changed: no database call for that answer).
     */
    record Waiter(long chatId, int after, String fingerprint, Instant deadline, AsyncContext context, ChatView view) {
    }

    private final ChatService chats;
    /**
     * Answers a waiter (on a container thread): true when its chat changed (its news are read then), false when the
     * wait ran out with the fingerprint unchanged (answered from {@link Waiter#view()}).
     */
    private final BiConsumer<Waiter, Boolean> answer;
    private final Set<Waiter> waiting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller = BackgroundThreads.scheduled("chat-poller");

    ChatWaiters(ChatService chats, BiConsumer<Waiter, Boolean> answer) {
        this.chats = chats;
        this.answer = answer;
        poller.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    void add(Waiter waiter) {
        waiting.add(waiter);
    }

    void remove(Waiter waiter) {
        waiting.remove(waiter);
    }

    int size() {
        return waiting.size();
    }

    private void tick() {
        if (waiting.isEmpty()) {
            return;
        }
        try {
            Set<Long> ids = new HashSet<>();
            for (Waiter w : waiting) {
                ids.add(w.chatId());
            }
            Map<Long, String> now = chats.fingerprints(ids);
            Instant clock = Instant.now();
            for (Waiter w : waiting) {
                String current = now.get(w.chatId());
                boolean changed = current == null || !current.equals(w.fingerprint());
                if (changed || clock.isAfter(w.deadline())) {
                    if (waiting.remove(w)) {
                        w.context().start(() -> answer.accept(w, changed));
                    }
                }
            }
        } catch (RuntimeException e) {
            // The database may be away a moment: the readers wait a little longer, then ask again.
            log.warn("The chat poller could not check: {}", e.toString());
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        for (Waiter w : waiting) {
            try {
                w.context().complete();
            } catch (RuntimeException e) {
                // already gone
            }
        }
        waiting.clear();
    }
}
