package md.migratiesigura.portal.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import md.migratiesigura.portal.account.Authentication;
import md.migratiesigura.portal.account.Totp;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.web.PortalApplication;
import org.apache.wicket.Session;
import org.apache.wicket.authroles.authentication.AuthenticatedWebSession;
import org.apache.wicket.authroles.authorization.strategies.role.Roles;
import org.apache.wicket.request.Request;
import org.apache.wicket.request.cycle.RequestCycle;

/**
 * A back-office session: who signed in, when, and the language they chose. It becomes a server session only once a
 * password is accepted ({@link StaffSessionStore}): readers and anyone probing the back office get no cookie and
 * leave nothing on the server. The back office's Romanian is the default whatever the browser asks for.
 */
public class StaffSession extends AuthenticatedWebSession {

    /** However active, a session ends this long after signing in (the idle timeout is Jetty's, 30 minutes). */
    public static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(12);

    /** How long the code of the second factor may be typed after the password was accepted. */
    public static final Duration CODE_TIMEOUT = Duration.ofMinutes(5);

    /** The server-session attribute with the {@link Snapshot}, which every node can read (docs/cluster.md). */
    public static final String SNAPSHOT_ATTRIBUTE = "portal.staff";

    /**
     * What another portal node needs to take the session over: who signed in, when, and how far; no page, no
     * second-factor secret being set up (that enrolment starts again).
     */
    public record Snapshot(SignedInUser user, boolean signedIn, boolean passwordAccepted, Instant signedInAt,
                           int generation, boolean passwordChangeRequired, SignedInUser awaitingCode,
                           Instant awaitingSince, String language) implements Serializable {
    }

    /** How far signing in has come. */
    public enum Step {
        SIGNED_IN,
        /** The password was right; the account's second factor asks for a code. */
        CODE_REQUIRED,
        FAILED
    }

    private SignedInUser user;
    /** A right password was typed in this session: only then may it be kept on the server. */
    private boolean passwordAccepted;
    private Instant signedInAt;
    /** The account's session generation when signing in: a higher one in the database ends this session. */
    private int generation;
    /** Signed in with a password someone else set: only the password change opens ({@link PasswordChangeListener}). */
    private boolean passwordChangeRequired;
    /** Password accepted, code not yet: who, and since when. */
    private SignedInUser awaitingCode;
    private Instant awaitingSince;
    /** A second-factor secret being set up, until confirmed with a code; kept here, never in a page. */
    private byte[] enrolmentSecret;

    public StaffSession(Request request) {
        super(request);
        setLocale(Language.RO.locale());
    }

    /** A session taken over from another node, as its snapshot says. */
    static StaffSession restored(Request request, Snapshot snapshot) {
        StaffSession session = new StaffSession(request);
        session.user = snapshot.user();
        session.passwordAccepted = snapshot.passwordAccepted();
        session.signedInAt = snapshot.signedInAt();
        session.generation = snapshot.generation();
        session.passwordChangeRequired = snapshot.passwordChangeRequired();
        session.awaitingCode = snapshot.awaitingCode();
        session.awaitingSince = snapshot.awaitingSince();
        Language.ofCode(snapshot.language()).ifPresent(l -> session.setLocale(l.locale()));
        if (snapshot.signedIn()) {
            session.signIn(true);
        }
        return session;
    }

    /**
     * Puts this session's snapshot into the server session at once, not only when Wicket stores its session at the
     * end of the request: the server session is written to the database before the response leaves (a redirect
     * after signing in may reach another node before this request has ended).
     */
    private void share() {
        RequestCycle cycle = RequestCycle.get();
        if (isTemporary() || cycle == null
                || !(cycle.getRequest().getContainerRequest() instanceof HttpServletRequest request)) {
            return;
        }
        HttpSession http = request.getSession(false);
        if (http != null) {
            Snapshot snapshot = snapshot();
            if (!snapshot.equals(http.getAttribute(SNAPSHOT_ATTRIBUTE))) {
                http.setAttribute(SNAPSHOT_ATTRIBUTE, snapshot);
            }
        }
    }

    /** This session's state for the other nodes. */
    Snapshot snapshot() {
        return new Snapshot(user, isSignedIn(), passwordAccepted, signedInAt, generation, passwordChangeRequired,
                awaitingCode, awaitingSince, language().code());
    }

    public static StaffSession get() {
        return (StaffSession) Session.get();
    }

    /**
     * Checks the password. With a second factor the session is bound but not signed in: it waits for
     * {@link #signInWithCode} (see {@link #awaitingCode()}).
     *
     * @throws StaffSessions.Full when a right password would need a new server session and none may be created;
     *         nothing of this attempt is kept then
     */
    public Step signInWithPassword(String email, String password) {
        awaitingCode = null;
        if (isTemporary() && !PortalApplication.get().staffSessions().hasRoom()) {
            throw new StaffSessions.Full();
        }
        if (signIn(email, password)) {
            share();
            return Step.SIGNED_IN;
        }
        share();
        return awaitingCode == null ? Step.FAILED : Step.CODE_REQUIRED;
    }

    @Override
    protected boolean authenticate(String email, String password) {
        PortalApplication app = PortalApplication.get();
        Optional<Authentication> accepted = app.users().checkPassword(email, password);
        if (accepted.isEmpty()) {
            return false;
        }
        // The server session is made first: if the cap was reached meanwhile, nothing of this sign-in is kept.
        passwordAccepted = true;
        try {
            bind();
        } catch (StaffSessions.Full e) {
            passwordAccepted = false;
            throw e;
        }
        if (accepted.get().codeRequired()) {
            awaitingCode = accepted.get().user();
            awaitingSince = app.clock().instant();
            dirty();
            return false;
        }
        begin(accepted.get());
        return true;
    }

    /** The account whose password was accepted and whose code is awaited, if that was less than five minutes ago. */
    public Optional<SignedInUser> awaitingCode() {
        if (awaitingCode == null || PortalApplication.get().clock().instant().isAfter(awaitingSince.plus(CODE_TIMEOUT))) {
            return Optional.empty();
        }
        return Optional.of(awaitingCode);
    }

    /** The second step: signs in when the code of the awaited account's app is right. */
    public boolean signInWithCode(String code) {
        Optional<SignedInUser> awaited = awaitingCode();
        if (awaited.isEmpty()) {
            return false;
        }
        Optional<Authentication> accepted = PortalApplication.get().secondFactor().verifyCode(awaited.get().id(), code);
        accepted.ifPresent(a -> {
            awaitingCode = null;
            awaitingSince = null;
            begin(a);
            signIn(true);
            share();
        });
        return accepted.isPresent();
    }

    private void begin(Authentication accepted) {
        user = accepted.user();
        generation = accepted.sessionGeneration();
        passwordChangeRequired = accepted.passwordChangeRequired();
        signedInAt = PortalApplication.get().clock().instant();
        dirty();
    }

    /** Whether a right password was typed in this session, so that it may be kept on the server. */
    boolean passwordAccepted() {
        return passwordAccepted;
    }

    /** The session generation this session signed in with. */
    public int generation() {
        return generation;
    }

    /** After the user changed their password: this session goes on, the others end, and the back office opens. */
    public void continueAs(int newGeneration) {
        generation = newGeneration;
        passwordChangeRequired = false;
        dirty();
        share();
    }

    /** Whether the user signed in with a password someone else set, and has not replaced it yet. */
    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    /** The secret being set up for the second factor: made on first use, the same until confirmed or dropped. */
    public byte[] enrolmentSecret() {
        if (enrolmentSecret == null) {
            enrolmentSecret = Totp.newSecret();
            dirty();
        }
        return enrolmentSecret.clone();
    }

    public boolean isEnrolling() {
        return enrolmentSecret != null;
    }

    public void endEnrolment() {
        enrolmentSecret = null;
        dirty();
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
            share();
        }
    }

    public Language language() {
        return Language.ofCode(getLocale().getLanguage()).orElse(Language.RO);
    }

    @Override
    public void invalidate() {
        user = null;
        signedInAt = null;
        awaitingCode = null;
        enrolmentSecret = null;
        passwordAccepted = false;
        super.invalidate();
    }
}
