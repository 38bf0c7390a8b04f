package md.migratiesigura.portal.register;

/**
 * A correction or deletion the user may not make: a counsellor changes only their own entries, within a day of
 * recording them; after that only an administrator may. Also thrown when the entry is gone.
 */
public class RegisterDenied extends RuntimeException {

    /** Why: the entry does not exist (any more), or it is not the user's to change now. */
    public enum Reason {
        NOT_FOUND, NOT_ALLOWED
    }

    private final Reason reason;

    public RegisterDenied(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
