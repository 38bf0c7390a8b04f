package md.migratiesigura.portal.content;

/** A content file is malformed; the line is 0 when it is not known. */
class ContentException extends RuntimeException {

    private final int line;

    ContentException(int line, String reason) {
        super(reason);
        this.line = line;
    }

    int line() {
        return line;
    }
}
