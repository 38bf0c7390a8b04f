package md.migratiesigura.portal.search;

/** A line for an equivalent-word list that cannot be saved; {@link #reason()} is a message key's last part. */
public class InvalidSearchWordsException extends RuntimeException {

    private final String reason;

    public InvalidSearchWordsException(String reason) {
        super("invalid equivalent-word line: " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
