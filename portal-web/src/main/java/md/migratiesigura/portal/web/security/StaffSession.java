package md.migratiesigura.portal.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import md.migratiesigura.portal.domain.Language;
import md.migratiesigura.portal.service.SignedInUser;
import md.migratiesigura.portal.web.PortalApplication;
import org.apache.wicket.Session;
import org.apache.wicket.authroles.authentication.AuthenticatedWebSession;
import org.apache.wicket.authroles.authorization.strategies.role.Roles;
import org.apache.wicket.request.Request;

/**
 * A back-office session: who signed in, when, and the language they chose. Public pages never bind one, so readers
 * get no cookie; the back office's Romanian is the default whatever the browser asks for.
 */
public class StaffSession extends AuthenticatedWebSession {

    /** However active, a session ends this long after signing in (the idle timeout is Jetty's, 30 minutes). */
    public static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(12);

    private SignedInUser user;
    private Instant signedInAt;

    public StaffSession(Request request) {
        super(request);
        setLocale(Language.RO.locale());
    }

    public static StaffSession get() {
        return (StaffSession) Session.get();
    }

    @Override
    protected boolean authenticate(String email, String password) {
        PortalApplication app = PortalApplication.get();
        Optional<SignedInUser> account = app.users().authenticate(email, password);
        account.ifPresent(signedIn -> {
            user = signedIn;
            signedInAt = app.clock().instant();
            dirty();
        });
        return account.isPresent();
    }

    @Override
    public Roles getRoles() {
        return isSignedIn() && user != null ? StaffRoles.of(user.role()) : new Roles();
    }

    /** The signed-in user; empty before signing in and after signing out. */
    public Optional<SignedInUser> user() {
        return isSignedIn() ? Optional.ofNullable(user) : Optional.empty();
    }

    /** Whether the absolute timeout has passed since signing in. */
    public boolean hasOutlived(Instant now) {
        return signedInAt != null && !now.isBefore(signedInAt.plus(ABSOLUTE_TIMEOUT));
    }

    /** Takes the account as it is now (its role may have changed since signing in). */
    void refresh(SignedInUser current) {
        if (!current.equals(user)) {
            user = current;
            dirty();
        }
    }

    public Language language() {
        return Language.ofCode(getLocale().getLanguage()).orElse(Language.RO);
    }

    @Override
    public void invalidate() {
        user = null;
        signedInAt = null;
        super.invalidate();
    }
}
