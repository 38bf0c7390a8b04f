package md.migratiesigura.portal.event;

import java.io.Serializable;

/**
 * One reason a save was refused; the web layer shows a localized message per code, naming the field.
 *
 * @param field  the draft's field ({@code titleRo}, {@code startDate}, {@code district}, {@code participants}, …)
 * @param detail a value for the message (a length limit), or null
 */
public record EventProblem(String field, Code code, String detail) implements Serializable {

    /** Why. Messages are keyed by these names: never rename one. */
    public enum Code {
        REQUIRED,
        TOO_LONG,
        INVISIBLE_CHARACTER,
        BROKEN_CHARACTER,
        TYPE_UNKNOWN,
        STATUS_UNKNOWN,
        AUDIENCE_UNKNOWN,
        DATE_INVALID,
        TIME_INVALID,
        END_BEFORE_START,
        DISTRICT_UNKNOWN,
        NEGATIVE,
        TOO_LARGE,
        HELD_IN_FUTURE,
        COUNTS_BEFORE_EVENT,
        PHOTO_UNKNOWN,
        TOO_MANY_PHOTOS,
        UNKNOWN_EVENT,
        NOT_ALLOWED
    }
}
