package md.migratiesigura.portal.web.security;

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
}
