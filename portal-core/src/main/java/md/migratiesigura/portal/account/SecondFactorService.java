package md.migratiesigura.portal.account;

import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import md.migratiesigura.portal.account.AccountException.Reason;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.SealedColumn;
import md.migratiesigura.portal.common.SecretSealer;
import md.migratiesigura.portal.common.SignedInUser;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second factor of signing in: a TOTP code from the user's authenticator app, checked after the password
 * ({@link UserService#checkPassword}), turned on by the user and reset by an administrator. The keys are stored
 * sealed; every outcome is in the audit log.
 */
public class SecondFactorService {

    /** The second-factor keys, sealed for their row: one account's key copied to another's row does not open. */
    public static final SealedColumn TOTP_SECRET = new SealedColumn("users", "totp_secret", "users.totp_secret");
    private static final Logger log = LoggerFactory.getLogger(SecondFactorService.class);

    private final SessionFactory sessionFactory;
    private final AuditService audit;
    private final Clock clock;
    private final SecretSealer sealer;

    /** @param sealer encrypts second-factor keys before they are stored */
    public SecondFactorService(SessionFactory sessionFactory, AuditService audit, Clock clock, SecretSealer sealer) {
        this.sessionFactory = sessionFactory;
        this.audit = audit;
        this.clock = clock;
        this.sealer = sealer;
    }

    /**
     * The second step of signing in: the code of the user's authenticator app. Accepted once per 30-second step
     * (the row is locked, so two requests with one code cannot both pass); every outcome is in the audit log.
     */
    public Optional<Authentication> verifyCode(long userId, String code) {
        return sessionFactory.fromTransaction(session -> {
            PortalUser user = session.find(PortalUser.class, userId, LockModeType.PESSIMISTIC_WRITE);
            if (user == null || !user.isEnabled() || !user.hasSecondFactor()) {
                return Optional.<Authentication>empty();
            }
            byte[] secret;
            try {
                secret = sealer.open(TOTP_SECRET.row(user.getId()), user.getTotpSecret());
            } catch (IllegalStateException e) {
                // Changed in the database, or copied from another account: no code can pass, and someone should look.
                log.warn("The second-factor key of user #{} does not open: {}", user.getId(), e.getMessage());
                audit.record(session, user, user.getEmail(), AuditAction.LOGIN_CODE_FAILED, null, "key-does-not-open");
                return Optional.<Authentication>empty();
            }
            OptionalLong step = Totp.match(secret, code, clock.instant(), user.getTotpLastStep());
            if (step.isEmpty()) {
                audit.record(session, user, user.getEmail(), AuditAction.LOGIN_CODE_FAILED, null, "wrong-code");
                return Optional.<Authentication>empty();
            }
            user.setTotpLastStep(step.getAsLong());
            audit.record(session, user, user.getEmail(), AuditAction.LOGIN_SUCCEEDED, null, "second-factor");
            return Optional.of(new Authentication(UserService.signedIn(user), false, user.getSessionGeneration(),
                    user.isPasswordChangeRequired()));
        });
    }

    /** Records a second-factor code that the throttle refused before it was checked. */
    public void recordThrottledCode(SignedInUser user) {
        audit.record(user, AuditAction.LOGIN_CODE_THROTTLED, null, null);
    }

    /** Whether the account signs in with a code from an authenticator app too. */
    public boolean hasSecondFactor(long userId) {
        return sessionFactory.fromTransaction(session -> {
            PortalUser user = session.find(PortalUser.class, userId);
            return user != null && user.hasSecondFactor();
        });
    }

    /**
     * Turns the second factor on for the signed-in user, once they prove with a code that their app holds the
     * secret. A wrong code saves nothing (and is recorded).
     *
     * @throws AccountException WRONG_CODE when the code does not match the secret now
     */
    public void enableSecondFactor(SignedInUser actor, byte[] secret, String code) {
        if (actor == null || secret == null || secret.length < Totp.SECRET_BYTES) {
            throw new AccountException(Reason.NOT_ALLOWED);
        }
        OptionalLong step = Totp.match(secret, code, clock.instant(), Long.MIN_VALUE);
        if (step.isEmpty()) {
            audit.record(actor, AuditAction.TOTP_ENROLMENT_FAILED, null, null);
            throw new AccountException(Reason.WRONG_CODE);
        }
        sessionFactory.inTransaction(session -> {
            PortalUser user = UserService.requireEnabled(session, actor);
            user.setTotp(sealer.seal(TOTP_SECRET.row(user.getId()), secret), step.getAsLong());
            audit.record(session, user, user.getEmail(), AuditAction.TOTP_ENABLED, null, null);
        });
    }

    /** An administrator turns a user's second factor off (a lost phone); the user may set it up again. */
    public void resetSecondFactor(SignedInUser actor, long userId) {
        sessionFactory.inTransaction(session -> {
            PortalUser administrator = UserService.requireAdministrator(session, actor);
            PortalUser user = UserService.requireUser(session, userId);
            if (user.hasSecondFactor()) {
                user.setTotp(null, null);
                audit.record(session, administrator, administrator.getEmail(), AuditAction.TOTP_RESET,
                        user.getEmail(), null);
            }
        });
    }
}
