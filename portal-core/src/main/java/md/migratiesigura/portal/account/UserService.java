package md.migratiesigura.portal.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import md.migratiesigura.portal.account.AccountException.Reason;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Back-office accounts: signing in with a password (the second factor is {@link SecondFactorService}'s), changing
 * passwords, ending sessions, and the administrators' changes to accounts. Every sign-in and every change is
 * written to the audit log in the same transaction as the change. Whatever hashes or checks a password
 * ({@link #checkPassword}, {@link #changePassword}, {@link #resetPassword}, {@link #create}) throws
 * {@link HashingBusyException} when the server computes as many hashes as it can: nothing is checked, recorded or
 * saved then.
 */
public class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public static final int MAX_EMAIL = 254;
    public static final int MAX_NAME = 200;
    private static final String EMAIL_SHAPE = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private final SessionFactory sessionFactory;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AuditService audit;
    private final Clock clock;
    /** Checked when the e-mail is unknown, so that the answer takes as long as for a real account. */
    private final CompletableFuture<String> unknownAccountHash;

    public UserService(SessionFactory sessionFactory, PasswordHasher hasher, PasswordPolicy policy, AuditService audit,
                       Clock clock) {
        this.sessionFactory = sessionFactory;
        this.hasher = hasher;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
        this.unknownAccountHash = hasher.decoy(randomPassword());
    }

    /**
     * Signs in with e-mail and password alone: empty for an account with a second factor too (use
     * {@link #checkPassword} and {@link SecondFactorService#verifyCode} for those).
     */
    public Optional<SignedInUser> authenticate(String email, String password) {
        return checkPassword(email, password).filter(a -> !a.codeRequired()).map(Authentication::user);
    }

    /**
     * Checks an e-mail and password and records the attempt in the audit log. An unknown e-mail, a wrong password
     * and a disabled account all answer empty after the same Argon2 work; the audit log names the account only if
     * it exists, never the text typed for an unknown one. For an account with a second factor the answer says a
     * code is still required, and the log records just that.
     */
    public Optional<Authentication> checkPassword(String email, String password) {
        String address = normalize(email);
        Optional<PortalUser> user = find(address);
        String typed = password == null || password.length() > PasswordPolicy.MAX_LENGTH ? "" : password;
        boolean matches = hasher.verify(typed, user.map(PortalUser::getPasswordHash).orElseGet(unknownAccountHash::join))
                && !typed.isEmpty();
        if (user.isEmpty()) {
            audit.record(null, AuditAction.LOGIN_FAILED, null, "unknown-account");
            return Optional.empty();
        }
        PortalUser account = user.get();
        SignedInUser signedIn = signedIn(account);
        if (matches && account.isEnabled()) {
            boolean codeRequired = account.hasSecondFactor();
            audit.record(signedIn, codeRequired ? AuditAction.LOGIN_CODE_REQUIRED : AuditAction.LOGIN_SUCCEEDED,
                    null, null);
            return Optional.of(new Authentication(signedIn, codeRequired, account.getSessionGeneration(),
                    account.isPasswordChangeRequired()));
        }
        audit.record(signedIn, AuditAction.LOGIN_FAILED, null, matches ? "account-disabled" : "wrong-password");
        return Optional.empty();
    }

    /**
     * The signed-in user changes their own password: the current one must be right, the new one differ from it and
     * pass the policy. Every other session of the user ends; the one that asked goes on with the generation returned.
     * A password someone else set is then the user's own: {@link Authentication#passwordChangeRequired()} is false.
     *
     * @throws AccountException WRONG_PASSWORD, SAME_PASSWORD or WEAK_PASSWORD; nothing is saved then
     */
    public int changePassword(SignedInUser actor, String current, String next) {
        if (actor == null) {
            throw new AccountException(Reason.NOT_ALLOWED);
        }
        String stored = sessionFactory.fromTransaction(session -> requireEnabled(session, actor).getPasswordHash());
        String typed = current == null || current.length() > PasswordPolicy.MAX_LENGTH ? "" : current;
        if (typed.isEmpty() || !hasher.verify(typed, stored)) {
            audit.record(actor, AuditAction.PASSWORD_CHANGE_FAILED, null, "wrong-password");
            throw new AccountException(Reason.WRONG_PASSWORD);
        }
        if (typed.equals(next)) {
            throw new AccountException(Reason.SAME_PASSWORD);
        }
        if (policy.check(next).isPresent()) {
            throw new AccountException(Reason.WEAK_PASSWORD);
        }
        String hash = hasher.hash(next);
        return sessionFactory.fromTransaction(session -> {
            PortalUser user = requireEnabled(session, actor);
            user.setPasswordHash(hash);
            user.setPasswordChangeRequired(false);
            user.endSessions();
            audit.record(session, user, user.getEmail(), AuditAction.PASSWORD_CHANGED, null, null);
            return user.getSessionGeneration();
        });
    }

    /** Records a password change that the throttle refused before the current password was checked. */
    public void recordThrottledPasswordChange(SignedInUser actor) {
        audit.record(actor, AuditAction.PASSWORD_CHANGE_THROTTLED, null, null);
    }

    /**
     * An administrator sets a new password for a user (forgotten, or possibly known to someone else); every
     * session of that user ends. The administrator knows it, so the user must replace it at their next sign-in.
     *
     * @throws AccountException WEAK_PASSWORD, UNKNOWN_USER or NOT_ALLOWED; nothing is saved then
     */
    public void resetPassword(SignedInUser actor, long userId, String next) {
        if (policy.check(next).isPresent()) {
            throw new AccountException(Reason.WEAK_PASSWORD);
        }
        String hash = hasher.hash(next);
        sessionFactory.inTransaction(session -> {
            PortalUser administrator = requireAdministrator(session, actor);
            PortalUser user = requireUser(session, userId);
            user.setPasswordHash(hash);
            user.setPasswordChangeRequired(true);
            user.endSessions();
            audit.record(session, administrator, administrator.getEmail(), AuditAction.PASSWORD_RESET,
                    user.getEmail(), null);
        });
    }

    /** An administrator ends every session of a user: each is signed out at its next request, on any node. */
    public void endSessions(SignedInUser actor, long userId) {
        sessionFactory.inTransaction(session -> {
            PortalUser administrator = requireAdministrator(session, actor);
            PortalUser user = requireUser(session, userId);
            user.endSessions();
            audit.record(session, administrator, administrator.getEmail(), AuditAction.SESSIONS_ENDED,
                    user.getEmail(), null);
        });
    }

    /** Records a login attempt that the throttle refused before any password was checked. */
    public void recordThrottledLogin(String email) {
        Optional<SignedInUser> account = find(normalize(email)).map(UserService::signedIn);
        audit.record(account.orElse(null), AuditAction.LOGIN_THROTTLED, null,
                account.isPresent() ? null : "unknown-account");
    }

    /** The account as it is now, if it still exists and is enabled. */
    public Optional<SignedInUser> active(long id) {
        return sessionFactory.fromTransaction(session -> Optional.ofNullable(session.find(PortalUser.class, id))
                .filter(PortalUser::isEnabled)
                .map(UserService::signedIn));
    }

    /**
     * The account as it is now, if it still exists, is enabled and its sessions of this generation have not been
     * ended since (sessions check this on every page).
     */
    public Optional<SignedInUser> active(long id, int sessionGeneration) {
        return sessionFactory.fromTransaction(session -> Optional.ofNullable(session.find(PortalUser.class, id))
                .filter(PortalUser::isEnabled)
                .filter(u -> u.getSessionGeneration() == sessionGeneration)
                .map(UserService::signedIn));
    }

    /** Every account, by e-mail. */
    public List<UserSummary> list() {
        return sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "from PortalUser u order by u.email", PortalUser.class)
                .setReadOnly(true)
                .getResultList()
                .stream()
                .map(u -> new UserSummary(u.getId(), u.getEmail(), u.getDisplayName(), u.getRole(), u.isEnabled(),
                        u.getCreatedAt(), u.hasSecondFactor()))
                .toList());
    }

    /** The password rules that {@link #create} applies, for forms that check before submitting. */
    public PasswordPolicy passwordPolicy() {
        return policy;
    }

    /**
     * Creates an account; only an enabled administrator may. Everything is checked before anything is written.
     *
     * @throws AccountException with the reason when the account is refused; nothing is saved then
     */
    public UserSummary create(SignedInUser actor, NewUser user) {
        String address = normalize(user.email());
        if (address.length() > MAX_EMAIL || !address.matches(EMAIL_SHAPE)) {
            throw new AccountException(Reason.INVALID_EMAIL);
        }
        String name = user.displayName() == null ? "" : user.displayName().strip();
        if (name.isEmpty() || name.length() > MAX_NAME || user.role() == null) {
            throw new AccountException(Reason.INVALID_NAME);
        }
        if (policy.check(user.password()).isPresent()) {
            throw new AccountException(Reason.WEAK_PASSWORD);
        }
        String hash = hasher.hash(user.password());
        try {
            return sessionFactory.fromTransaction(session -> {
                PortalUser administrator = requireAdministrator(session, actor);
                if (byEmail(session, address) != null) {
                    throw new AccountException(Reason.EMAIL_TAKEN);
                }
                PortalUser created = new PortalUser(address, name, hash, user.role(), clock.instant());
                session.persist(created);
                audit.record(session, administrator, administrator.getEmail(), AuditAction.USER_CREATED, address,
                        user.role().name());
                session.flush();
                return new UserSummary(created.getId(), address, name, user.role(), true, created.getCreatedAt(), false);
            });
        } catch (ConstraintViolationException e) {
            // Two administrators creating the same e-mail at once: the unique key decides.
            throw new AccountException(Reason.EMAIL_TAKEN);
        }
    }

    /**
     * Enables or disables an account; only an enabled administrator may, and never to disable themself (the last
     * administrator could otherwise lock everyone out). Setting the state it already has changes and records nothing.
     *
     * @throws AccountException with the reason when refused
     */
    public void setEnabled(SignedInUser actor, long userId, boolean enabled) {
        if (!enabled && actor != null && actor.id() == userId) {
            throw new AccountException(Reason.CANNOT_DISABLE_SELF);
        }
        sessionFactory.inTransaction(session -> {
            PortalUser administrator = requireAdministrator(session, actor);
            PortalUser user = requireUser(session, userId);
            if (user.isEnabled() != enabled) {
                user.setEnabled(enabled);
                audit.record(session, administrator, administrator.getEmail(),
                        enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED, user.getEmail(), null);
            }
        });
    }

    static PortalUser requireAdministrator(Session session, SignedInUser actor) {
        PortalUser administrator = actor == null ? null : session.find(PortalUser.class, actor.id());
        if (administrator == null || !administrator.isEnabled() || administrator.getRole() != Role.ADMINISTRATOR) {
            throw new AccountException(Reason.NOT_ALLOWED);
        }
        return administrator;
    }

    static PortalUser requireEnabled(Session session, SignedInUser actor) {
        PortalUser user = session.find(PortalUser.class, actor.id());
        if (user == null || !user.isEnabled()) {
            throw new AccountException(Reason.NOT_ALLOWED);
        }
        return user;
    }

    static PortalUser requireUser(Session session, long userId) {
        PortalUser user = session.find(PortalUser.class, userId);
        if (user == null) {
            throw new AccountException(Reason.UNKNOWN_USER);
        }
        return user;
    }

    private Optional<PortalUser> find(String address) {
        if (address.isEmpty() || address.length() > MAX_EMAIL) {
            return Optional.empty();
        }
        return Optional.ofNullable(sessionFactory.fromTransaction(session -> byEmail(session, address)));
    }

    private static PortalUser byEmail(Session session, String address) {
        return session.createSelectionQuery("from PortalUser u where u.email = :email", PortalUser.class)
                .setParameter("email", address)
                .getSingleResultOrNull();
    }

    static SignedInUser signedIn(PortalUser user) {
        return new SignedInUser(user.getId(), user.getEmail(), user.getDisplayName(), user.getRole());
    }

    /** E-mails are compared trimmed and in lower case. */
    static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Creates the first administrator when there is no user at all. Without a configured password a random one is
     * generated and written to the log once: it is the only way to learn it. Either way the password sits in a
     * setting or a log, so it is a one-time password: the administrator must change it at the first sign-in.
     *
     * @return true when an administrator was created now
     */
    public boolean ensureAdministrator(Optional<String> email, Optional<String> password) {
        return sessionFactory.fromTransaction(session -> {
            long users = session.createSelectionQuery("select count(u) from PortalUser u", Long.class).getSingleResult();
            if (users > 0) {
                return false;
            }
            String address = email.orElse("admin@localhost");
            String secret = password.orElseGet(UserService::randomPassword);
            PortalUser administrator = new PortalUser(address, "Administrator", hasher.hash(secret), Role.ADMINISTRATOR,
                    clock.instant());
            administrator.setPasswordChangeRequired(true);
            session.persist(administrator);
            if (password.isPresent()) {
                log.info("Created the first administrator, {}, with the password from PORTAL_ADMIN_PASSWORD (to be"
                        + " changed at the first sign-in)", address);
            } else {
                log.warn("Created the first administrator, {}, with the one-time password: {}  (shown only now; it must be changed at the first sign-in)",
                        address, secret);
            }
            return true;
        });
    }

    public long count() {
        return sessionFactory.fromTransaction(session ->
                session.createSelectionQuery("select count(u) from PortalUser u", Long.class).getSingleResult());
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
