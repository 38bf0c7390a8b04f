package md.migratiesigura.portal.web.security;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * How many server sessions are alive, counted as Jetty creates and destroys them, and the cap on them. Only staff
 * who typed a right password get one (see {@link StaffSessionStore}), so the cap is far above what the hotline's
 * staff need; it exists so that nothing, not even a bug that gave sessions away, can fill the heap with them. When
 * it is reached, signing in is refused (the login page says so, with 503) and the public site, which has no
 * sessions, is not affected. Each session also holds at most about half a megabyte of stored pages.
 */
public final class StaffSessions implements HttpSessionListener {

    /** Live sessions at most: a few per member of staff, with room to spare. */
    public static final int DEFAULT_LIMIT = 200;

    private final int limit;
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicLong created = new AtomicLong();
    private final Object creating = new Object();

    public StaffSessions(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the session limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    /** Sessions alive now. */
    public int live() {
        return live.get();
    }

    /** Sessions created since the server started. */
    public long created() {
        return created.get();
    }

    /** Whether another session may be created now. */
    public boolean hasRoom() {
        return live.get() < limit;
    }

    /**
     * Creates a session through {@code create}, unless the cap is reached. One at a time: Jetty counts the new
     * session (in {@link #sessionCreated}) before the next may look.
     *
     * @throws Full when no more sessions may be created
     */
    <T> T create(Supplier<T> create) {
        synchronized (creating) {
            if (!hasRoom()) {
                throw new Full();
            }
            return create.get();
        }
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        live.incrementAndGet();
        created.incrementAndGet();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        // A session taken over from another node was not created here: it is not counted, nor uncounted below zero.
        live.updateAndGet(n -> Math.max(0, n - 1));
    }

    /** No session could be created: the cap is reached. */
    public static final class Full extends RuntimeException {
        public Full() {
            super("the limit of live staff sessions is reached", null, false, false);
        }
    }
}
