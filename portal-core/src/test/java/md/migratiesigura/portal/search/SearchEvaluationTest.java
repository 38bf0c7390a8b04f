package md.migratiesigura.portal.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation set on the bundled articles. */
class SearchEvaluationTest {

    @TempDir
    Path dir;

    /** What deploy/search-eval.sh prints (only when asked for: it measures CPU for a while). */
    @Test
    @EnabledIfSystemProperty(named = "search.eval.report", matches = "true")
    void printReport() throws Exception {
        String report = SearchEvaluation.fullReport(dir);
        String out = System.getProperty("search.eval.out", "");
        if (out.isBlank()) {
            System.out.println(report);
        } else {
            Files.writeString(Path.of(out), report);
        }
    }
}
