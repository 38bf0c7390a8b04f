package md.migratiesigura.portal.agency;

import java.io.Serializable;
import java.util.List;

/**
 * What importing a CSV of the official list would do, shown to the editor before anything changes. The file
 * replaces the registry: agencies it no longer lists are removed. A file with any problem cannot be applied.
 *
 * @param rows           every well-formed row, in file order
 * @param added          rows whose IDNO is not in the registry yet
 * @param changed        rows that differ from the registry, with the registry's entry and the fields that differ
 * @param unchanged      how many rows say what the registry already says (their "last verified" date moves on)
 * @param removed        agencies in the registry that the file no longer lists
 * @param problems       what is wrong with the file, by line (0 for the file as a whole); empty when it can be applied
 * @param ignoredColumns columns of the header that are not used (a remark, not a problem)
 * @param registryState  a fingerprint of the registry the preview was made against: applying is refused when the
 *                       registry changed since, so that what is applied is what the editor saw
 */
public record AgencyImportPreview(List<AgencyRow> rows, List<AgencyRow> added, List<Change> changed, int unchanged,
                                  List<AgencyView> removed, List<Problem> problems, List<String> ignoredColumns,
                                  String registryState)
        implements Serializable {

    public AgencyImportPreview {
        rows = List.copyOf(rows);
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        problems = List.copyOf(problems);
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    /** A refused file: nothing to apply. */
    static AgencyImportPreview refused(List<Problem> problems, List<String> ignoredColumns) {
        return new AgencyImportPreview(List.of(), List.of(), List.of(), 0, List.of(), problems, ignoredColumns, "");
    }

    public boolean canApply() {
        return problems.isEmpty() && !rows.isEmpty();
    }

    /**
     * A row that changes an agency already in the registry.
     *
     * @param before the registry's entry as it is now
     * @param fields the columns that differ ({@code name}, {@code licence_number}, {@code valid_until},
     *               {@code countries}, {@code partners})
     */
    public record Change(AgencyRow row, AgencyView before, List<String> fields) implements Serializable {
        public Change {
            fields = List.copyOf(fields);
        }
    }

    /**
     * Something wrong in the file: the line (0 for the file as a whole), why, and the values the message names
     * (see {@link AgencyCsvProblem} for what each code's arguments are).
     */
    public record Problem(int line, AgencyCsvProblem code, List<String> arguments) implements Serializable {

        public Problem {
            arguments = List.copyOf(arguments);
        }

        Problem(int line, AgencyCsvProblem code, String... arguments) {
            this(line, code, List.of(arguments));
        }

        /** For logs and exception messages only; people read the localized message. */
        @Override
        public String toString() {
            return (line > 0 ? "line " + line + ": " : "") + code + (arguments.isEmpty() ? "" : " " + arguments);
        }
    }
}
