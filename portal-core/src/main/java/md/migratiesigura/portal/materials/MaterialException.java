package md.migratiesigura.portal.materials;

/** Why a change to the materials was refused; nothing was saved. The web layer shows a message per reason. */
public final class MaterialException extends RuntimeException {

    public enum Reason {
        /** More than {@link MaterialFiles#MAX_BYTES}. */
        TOO_LARGE,
        /** Not a PDF, PNG or JPEG by its first bytes. */
        WRONG_TYPE,
        /** Announced as PDF or image, but it does not parse, or has no page. */
        DAMAGED,
        /** A PDF that needs a password to open. */
        ENCRYPTED,
        /** An image whose header claims more pixels than a poster needs. */
        TOO_MANY_PIXELS,
        /** Other files are being checked: a moment later it will go through. */
        BUSY,
        NOT_ALLOWED,
        TITLE_MISSING,
        TEXT_TOO_LONG,
        UNKNOWN_TOPIC,
        /** A new material needs a file in at least one language. */
        NO_FILE,
        NOT_FOUND
    }

    private final Reason reason;

    public MaterialException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
