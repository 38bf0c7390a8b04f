package md.migratiesigura.portal.agency;

import java.io.Serializable;
import java.util.List;

/**
 * What importing a CSV of the official list would do, shown to the editor before anything changes. The file
 * replaces the registry: agencies it no longer lists are removed. A file with any problem cannot be applied.
 *
 * @param rows      every well-formed row, in file order
 * @param added     rows whose IDNO is not in the registry yet
 * @param changed   rows that differ from the registry, with the fields that differ
 * @param unchanged how many rows say what the registry already says (their "last verified" date moves on)
 * @param removed   agencies in the registry that the file no longer lists
 * @param problems  what is wrong with the file, by line (0 for the file as a whole); empty when it can be applied
 * @param notes     remarks that do not stop the import, such as columns that are ignored
 */
public record AgencyImportPreview(List<AgencyRow> rows, List<AgencyRow> added, List<Change> changed, int unchanged,
                                  List<AgencyView> removed, List<Problem> problems, List<String> notes)
        implements Serializable {

    public AgencyImportPreview {
        rows = List.copyOf(rows);
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** A refused file: nothing to apply. */
    static AgencyImportPreview refused(List<Problem> problems, List<String> notes) {
        return new AgencyImportPreview(List.of(), List.of(), List.of(), 0, List.of(), problems, notes);
    }

    public boolean canApply() {
        return problems.isEmpty() && !rows.isEmpty();
    }

    /** A row that changes an agency already in the registry; {@code fields} names the columns that differ. */
    public record Change(AgencyRow row, List<String> fields) implements Serializable {
        public Change {
            fields = List.copyOf(fields);
        }
    }

    /** Something wrong in the file: the line (0 for the file as a whole) and the reason, in plain words. */
    public record Problem(int line, String reason) implements Serializable {
        @Override
        public String toString() {
            return line > 0 ? "line " + line + ": " + reason : reason;
        }
    }
}
