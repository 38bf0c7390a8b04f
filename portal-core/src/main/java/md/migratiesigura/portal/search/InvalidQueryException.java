package md.migratiesigura.portal.search;

/** A query the portal will not run, with a reason to show (too long, too many words). */
public class InvalidQueryException extends RuntimeException {

    public enum Reason { TOO_LONG, TOO_MANY_WORDS }

    private final Reason reason;

    public InvalidQueryException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
