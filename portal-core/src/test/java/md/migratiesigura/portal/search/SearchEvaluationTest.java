package md.migratiesigura.portal.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation set on the bundled articles. */
class SearchEvaluationTest {

    @TempDir
    Path dir;

    /**
     * The evaluation set must not fall below what the ranking of questions reached (docs/search.md, "Evaluation"),
     * and keyword queries must keep every answer among the first three, as before it. The targets (hit@1
     * 85 %, hit@3 95 %) are reached: raise these floors as the figures rise, never lower them.
     */
    @Test
    void theEvaluationSetKeepsItsFigures() throws Exception {
        // deploy/search-eval.sh asks for the whole report (with the CPU per search), written before the checks.
        if (Boolean.getBoolean("search.eval.report")) {
            String report = SearchEvaluation.fullReport(dir.resolve("report"));
            String out = System.getProperty("search.eval.out", "");
            if (out.isBlank()) {
                System.out.println(report);
            } else {
                Files.writeString(Path.of(out), report);
            }
        }
        try (SearchIndex index = SearchEvaluation.index(dir.resolve("index"),
                SearchEvaluation.articles(SearchEvaluation.contentDir()))) {
            SearchEvaluation.Report report = SearchEvaluation.evaluate(index, SearchEvaluation.cases());
            String table = report.table();
            assertTrue(report.all().queries() >= 150, "at least 150 queries");
            assertTrue(report.all().hitAt1() >= 0.865, "hit@1 fell:\n" + table);
            assertTrue(report.all().hitAt3() >= 0.97, "hit@3 fell:\n" + table);
            assertTrue(report.all().mrr() >= 0.915, "MRR fell:\n" + table);
            assertTrue(report.figures().get("keyword").hitAt3() >= 1.0, "a keyword query lost its answer:\n" + table);
            assertTrue(report.figures().get("keyword").hitAt1() >= 0.96, "keyword hit@1 fell:\n" + table);
        }
    }
}
