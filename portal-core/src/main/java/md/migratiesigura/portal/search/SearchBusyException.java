package md.migratiesigura.portal.search;

/** Too many searches are waiting for their turn: the reader is asked to try again in a few seconds. */
public class SearchBusyException extends RuntimeException {

    public SearchBusyException(String message) {
        super(message);
    }
}
