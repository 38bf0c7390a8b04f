package md.migratiesigura.portal.content;

import java.util.List;

/** What one import of the content folder did. */
public record ImportReport(int created, int unchanged, List<ImportProblem> problems) {

    public ImportReport {
        problems = List.copyOf(problems);
    }
}
