package md.migratiesigura.portal.article;

import java.io.Serializable;
import java.util.List;

/**
 * What changed between two revisions of a language version: the fields that differ, and the Markdown body line
 * by line, with unchanged stretches far from a change folded into one {@link DiffLine.Kind#FOLDED} line.
 */
public record RevisionDiff(RevisionSummary from, RevisionSummary to, List<FieldChange> fields, List<DiffLine> body)
        implements Serializable {

    public RevisionDiff {
        fields = List.copyOf(fields);
        body = List.copyOf(body);
    }

    /** A field whose value differs; values are shown as text (null is empty). */
    public record FieldChange(String field, String before, String after) implements Serializable {
    }

    /**
     * One line of the body diff.
     *
     * @param oldNumber the line's number in the older text (1-based), null for an added line
     * @param newNumber the line's number in the newer text, null for a removed line
     * @param text      the line; for a folded stretch, the number of lines folded
     */
    public record DiffLine(Kind kind, Integer oldNumber, Integer newNumber, String text) implements Serializable {

        public enum Kind {
            SAME,
            ADDED,
            REMOVED,
            FOLDED
        }
    }

    public boolean isEmpty() {
        return fields.isEmpty() && body.stream().allMatch(l -> l.kind() == DiffLine.Kind.SAME
                || l.kind() == DiffLine.Kind.FOLDED);
    }
}
