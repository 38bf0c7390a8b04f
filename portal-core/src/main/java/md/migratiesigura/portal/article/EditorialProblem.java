package md.migratiesigura.portal.article;

import java.io.Serializable;

/**
 * One reason a save was refused; the web layer shows a message per code, naming the field.
 *
 * @param field  the draft's field ({@code title}, {@code slug}, {@code body}, {@code tags}, {@code cover}, …)
 * @param detail a value for the message (a length limit, the offending tag), or null
 */
public record EditorialProblem(String field, Code code, String detail) implements Serializable {

    /** Why. Messages are keyed by these names: never rename one. */
    public enum Code {
        REQUIRED,
        TOO_LONG,
        INVISIBLE_CHARACTER,
        BROKEN_CHARACTER,
        SLUG_INVALID,
        SLUG_TAKEN,
        TAG_INVALID,
        TOO_MANY_TAGS,
        CATEGORY_UNKNOWN,
        COVER_UNKNOWN,
        COVER_ALT_REQUIRED,
        PUBLISH_AT_REQUIRED,
        PUBLISH_AT_PAST,
        KEY_INVALID,
        UNKNOWN_ARTICLE,
        UNKNOWN_REVISION,
        NOT_ALLOWED,
        /** A page's slug that is the first segment of a fixed address ({@link ReservedSlugs}). */
        SLUG_RESERVED,
        SOURCE_URL_INVALID,
        TOO_MANY_SOURCES
    }
}
