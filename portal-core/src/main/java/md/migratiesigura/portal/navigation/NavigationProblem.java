package md.migratiesigura.portal.navigation;

import java.io.Serializable;

/**
 * Why a navigation was refused; the web layer shows a message per code.
 *
 * @param index the 0-based position of the offending entry in the list sent, or -1 for the whole list
 */
public record NavigationProblem(int index, Code code) implements Serializable {

    /** Messages are keyed by these names: never rename one. */
    public enum Code {
        UNKNOWN_TARGET,
        LABEL_TOO_LONG,
        LABEL_INVALID,
        TOO_MANY,
        NOT_ALLOWED
    }
}
