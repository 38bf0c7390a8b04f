package md.migratiesigura.portal.consultation;

/** A consultation request or action refused, with a reason the web layer turns into a localized message. */
public class ConsultationException extends RuntimeException {

    /** Why; each has a message in both languages ({@code consultation.error.<name>}). */
    public enum Reason {
        TOPIC_MISSING,
        QUESTION_MISSING,
        QUESTION_TOO_LONG,
        TEXT_INVALID,
        CONTACT_MISSING,
        EMAIL_INVALID,
        PHONE_INVALID,
        RATE_LIMITED,
        NOT_FOUND,
        CLOSED,
        TEXT_MISSING,
        NAME_INVALID,
        CHANGED_MEANWHILE
    }

    private final Reason reason;

    public ConsultationException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
