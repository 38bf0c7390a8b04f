package md.migratiesigura.portal.materials;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whom a material is written for. Stored by name: never rename a constant. */
public enum Audience {
    PUPILS,
    PARENTS,
    JOB_SEEKERS,
    PROFESSIONALS;

    /** The value of a name as it appears in addresses ({@code job-seekers}), or empty. */
    public static Optional<Audience> ofParameter(String value) {
        return Arrays.stream(values()).filter(a -> a.parameter().equals(value)).findFirst();
    }

    /** Lower case with hyphens, for addresses and the API. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
