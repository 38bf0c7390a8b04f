package md.migratiesigura.portal.content;

/** A content file is malformed; the line is 0 when it is not known. */
public class ContentException extends RuntimeException {

    private final int line;

    public ContentException(int line, String reason) {
        super(reason);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
