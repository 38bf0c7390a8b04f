package md.migratiesigura.portal.account;

/** An account change that was refused, and why; nothing was saved. The web layer shows a message per reason. */
public class AccountException extends RuntimeException {

    /** Why a change to an account was refused. */
    public enum Reason {
        INVALID_EMAIL,
        INVALID_NAME,
        EMAIL_TAKEN,
        WEAK_PASSWORD,
        CANNOT_DISABLE_SELF,
        UNKNOWN_USER,
        NOT_ALLOWED,
        /** The second factor's code did not match (or was used already). */
        WRONG_CODE,
        /** The current password, typed to change it, was wrong. */
        WRONG_PASSWORD,
        /** The new password is the current one: a password someone else knew must really be replaced. */
        SAME_PASSWORD
    }

    private final Reason reason;

    public AccountException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
