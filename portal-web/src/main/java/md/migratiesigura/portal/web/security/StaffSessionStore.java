package md.migratiesigura.portal.web.security;

import jakarta.servlet.http.HttpSession;
import org.apache.wicket.Session;
import org.apache.wicket.request.Request;
import org.apache.wicket.session.HttpSessionStore;

/**
 * Wicket's session store, creating a server session only for a {@link StaffSession} whose password was accepted,
 * and only within the cap of {@link StaffSessions}. Whatever else asks Wicket to bind a session (a language choice,
 * a form error, an expired page, a stateful component that slipped onto the login page) stays without one: an
 * anonymous request can never leave anything behind on the server.
 */
public final class StaffSessionStore extends HttpSessionStore {

    private final StaffSessions sessions;

    public StaffSessionStore(StaffSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public String getSessionId(Request request, boolean create) {
        String existing = super.getSessionId(request, false);
        if (existing != null || !create) {
            return existing;
        }
        if (!(Session.exists() && Session.get() instanceof StaffSession staff && staff.passwordAccepted())) {
            return null;
        }
        return sessions.create(() -> super.getSessionId(request, true));
    }

    /** Keeps the session's {@link StaffSession.Snapshot} beside it, for the other nodes (when it changed). */
    @Override
    protected void setWicketSession(Request request, Session session) {
        super.setWicketSession(request, session);
        HttpSession http = getHttpServletRequest(request).getSession(false);
        if (http != null && session instanceof StaffSession staff) {
            StaffSession.Snapshot snapshot = staff.snapshot();
            if (!snapshot.equals(http.getAttribute(StaffSession.SNAPSHOT_ATTRIBUTE))) {
                http.setAttribute(StaffSession.SNAPSHOT_ATTRIBUTE, snapshot);
            }
        }
    }

    /**
     * The Wicket session of the server session; on a node that took the server session over from another (which
     * was lost), rebuilt from its snapshot: the member of staff stays signed in.
     */
    @Override
    protected Session getWicketSession(Request request) {
        Session session = super.getWicketSession(request);
        if (session != null) {
            return session;
        }
        HttpSession http = getHttpServletRequest(request).getSession(false);
        if (http != null && http.getAttribute(StaffSession.SNAPSHOT_ATTRIBUTE) instanceof StaffSession.Snapshot snapshot) {
            StaffSession restored = StaffSession.restored(request, snapshot);
            super.setWicketSession(request, restored);
            return restored;
        }
        return null;
    }
}
