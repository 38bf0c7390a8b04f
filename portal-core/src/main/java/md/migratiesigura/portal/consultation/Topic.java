package md.migratiesigura.portal.consultation;

import java.util.Optional;

/** What a consultation is about, as the person chose it. Stored by code: never change a code, add new ones. */
public enum Topic {
    JOB_OFFER("job-offer"),
    DOCUMENTS("documents"),
    WORK_RIGHTS("work-rights"),
    MISSING_RELATIVE("missing-relative"),
    RETURNING("returning"),
    OTHER("other");

    private final String code;

    Topic(String code) {
        this.code = code;
    }

    /** The stable code, in the database, form values and message keys. */
    public String code() {
        return code;
    }

    public static Optional<Topic> ofCode(String code) {
        for (Topic topic : values()) {
            if (topic.code.equals(code)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }
}
