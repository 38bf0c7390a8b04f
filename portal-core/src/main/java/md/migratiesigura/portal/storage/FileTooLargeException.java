package md.migratiesigura.portal.storage;

import java.io.IOException;

/** The content went past the size its caller allows; nothing of it stays stored once the transaction rolls back. */
public final class FileTooLargeException extends IOException {

    private final long limit;

    public FileTooLargeException(long limit) {
        super("more than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
