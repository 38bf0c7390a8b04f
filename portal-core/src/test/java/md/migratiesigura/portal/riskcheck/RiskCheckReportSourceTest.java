package md.migratiesigura.portal.riskcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.persistence.Database;
import md.migratiesigura.portal.report.RiskCheckFigures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The annual report counts the year's job-offer checks by tier and names the flags raised most often. */
class RiskCheckReportSourceTest {

    @TempDir
    Path dataDir;

    @Test
    void theYearsChecksAddUpByTierAndTheMostFrequentFlagsComeFirst() {
        try (Database db = Database.open(TestDatabases.newConfig(dataDir))) {
            RiskCheckCounts counts = new RiskCheckCounts(db.sessionFactory());
            counts.add(YearMonth.of(2026, 1), Tier.HIGH, List.of("C2", "A6"));
            counts.add(YearMonth.of(2026, 1), Tier.HIGH, List.of("C2"));
            counts.add(YearMonth.of(2026, 3), Tier.CAUTION, List.of("D2", "D5"));
            counts.add(YearMonth.of(2026, 12), Tier.NONE, List.of());
            counts.add(YearMonth.of(2025, 12), Tier.HIGH, List.of("E4"));

            RiskCheckFigures figures = new RiskCheckReportSource(counts).forYear(2026);
            assertEquals(4, figures.total());
            assertEquals(2, figures.count("high"));
            assertEquals(1, figures.count("caution"));
            assertEquals(1, figures.count("none"));
            assertEquals(new RiskCheckFigures.FlagCount("C2", 2), figures.topFlags().get(0));
            assertEquals(4, figures.topFlags().size(), "E4 was raised in 2025, not in 2026");
            assertEquals(0, new RiskCheckReportSource(counts).forYear(2024).total());
        }
    }
}
