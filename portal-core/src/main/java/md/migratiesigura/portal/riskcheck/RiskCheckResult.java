package md.migratiesigura.portal.riskcheck;

import java.io.Serializable;
import java.util.List;
import md.migratiesigura.portal.common.Language;

/**
 * The answer to one check, in one language: the tier, each red flag with why it matters and what to do, and what
 * the person still has to find out. Nothing in it is stored.
 *
 * @param notes      what the registry of licensed agencies says about the agency typed, when one was
 * @param unsure     the questions answered "I don't know", as things to find out before deciding
 * @param unanswered ids of the questions left without an answer
 */
public record RiskCheckResult(Language language, int version, Tier tier, String tierTitle, String tierText,
                              List<RaisedFlag> flags, List<String> notes, List<String> unsure,
                              List<String> unanswered, String hotline) implements Serializable {

    /** The free hotline, the same on every result. */
    public static final String HOTLINE = "0 800 77777";

    public RiskCheckResult {
        flags = List.copyOf(flags);
        notes = List.copyOf(notes);
        unsure = List.copyOf(unsure);
        unanswered = List.copyOf(unanswered);
    }

    public List<String> rules() {
        return flags.stream().map(RaisedFlag::rule).toList();
    }

    /**
     * A red flag found in the answers.
     *
     * @param indicator the ILO forced-labour indicator behind it, in the result's language
     * @param raisedBy  the answers (or registry findings) that raised it, in words
     */
    public record RaisedFlag(String rule, Severity severity, String title, String advice, String indicator,
                             List<String> raisedBy) implements Serializable {
        public RaisedFlag {
            raisedBy = List.copyOf(raisedBy);
        }
    }
}
