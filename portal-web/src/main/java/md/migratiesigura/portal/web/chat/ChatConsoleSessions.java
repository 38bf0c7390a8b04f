package md.migratiesigura.portal.web.chat;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import md.migratiesigura.portal.chat.ChatConsole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A counsellor's back-office session that ends gives their chats back to the head of the queue, and each reader is
 * told ({@link ChatConsole#leave}): whether it ends by signing out (which {@code AdminBasePage} does itself), by
 * Jetty's idle timeout, or because the session was ended otherwise (the absolute timeout, the account disabled, its
 * sessions ended by an administrator or a password change: {@code StaffSessionListener}). The console's feed marks
 * the session as a counsellor's ({@link #seen}); when such a session is destroyed and no other session on this node
 * has called the feed for the same person since, their chats go back. A node that stops does not give anything back
 * (its sessions are not ended by the counsellors: the console carries on through another node), and a console that
 * simply goes silent is the sweeper's (three minutes, {@code ChatSweeper}).
 */
public final class ChatConsoleSessions implements HttpSessionListener {

    private static final Logger log = LoggerFactory.getLogger(ChatConsoleSessions.class);
    /** The session attribute holding the counsellor's account number. */
    static final String ATTRIBUTE = "portal.chat.counsellor";

    private final ChatConsole console;
    private final BooleanSupplier stopping;
    /** Session id to counsellor, for the sessions that called the feed on this node. */
    private final Map<String, Long> sessions = new ConcurrentHashMap<>();

    /**
     * @param stopping whether the server is stopping (its sessions then end without their counsellors leaving)
     */
    public ChatConsoleSessions(ChatConsole console, BooleanSupplier stopping) {
        this.console = console;
        this.stopping = stopping;
    }

    /** The feed was called in this session by this counsellor. */
    void seen(HttpSession session, long userId) {
        Long before = sessions.put(session.getId(), userId);
        if (before == null || before != userId) {
            session.setAttribute(ATTRIBUTE, userId);
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        HttpSession session = event.getSession();
        Long userId = sessions.remove(session.getId());
        if (userId == null && session.getAttribute(ATTRIBUTE) instanceof Long stored) {
            userId = stored;
        }
        if (userId == null || stopping.getAsBoolean()) {
            return;
        }
        long user = userId;
        if (sessions.containsValue(user)) {
            return; // the same counsellor's console is open in another session
        }
        try {
            console.leave(user);
        } catch (RuntimeException e) {
            // The database is away: the sweeper gives the chats back once the console has been silent long enough.
            log.warn("A counsellor's chats could not be given back at the end of their session: {}",
                    e.getClass().getSimpleName());
        }
    }
}
