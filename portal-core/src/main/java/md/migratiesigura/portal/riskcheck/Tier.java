package md.migratiesigura.portal.riskcheck;

import java.util.Collection;
import java.util.Locale;

/** The overall answer of a check. {@link #NONE} is "no red flag found", never "safe". */
public enum Tier {
    HIGH,
    CAUTION,
    NONE;

    /** The rule of the reference: any HIGH flag gives high; two or more MED give caution; otherwise none. */
    public static Tier of(Collection<Severity> raised) {
        if (raised.contains(Severity.HIGH)) {
            return HIGH;
        }
        return raised.stream().filter(s -> s == Severity.MED).count() >= 2 ? CAUTION : NONE;
    }

    /** "high", "caution", "none": the name used in the questionnaire file, the API and the statistics. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
