package md.migratiesigura.portal.riskcheck;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.report.ReportSources;
import md.migratiesigura.portal.report.RiskCheckFigures;

/** The job-offer check's part of the annual report: the year's checks by tier and its most frequent red flags. */
public final class RiskCheckReportSource implements ReportSources.RiskCheckStatistics {

    static final int TOP_FLAGS = 10;

    private final RiskCheckCounts counts;

    public RiskCheckReportSource(RiskCheckCounts counts) {
        this.counts = counts;
    }

    @Override
    public RiskCheckFigures forYear(int year) {
        Map<String, Long> byTier = new LinkedHashMap<>();
        for (String tier : RiskCheckFigures.TIERS) {
            byTier.put(tier, 0L);
        }
        Map<String, Long> byFlag = new HashMap<>();
        long total = 0;
        for (MonthlyRiskChecks month : counts.year(year)) {
            month.byTier().forEach((tier, n) -> byTier.merge(tier.code(), n, Long::sum));
            month.byFlag().forEach((rule, n) -> byFlag.merge(rule, n, Long::sum));
            total += month.total();
        }
        List<RiskCheckFigures.FlagCount> top = byFlag.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_FLAGS)
                .map(e -> new RiskCheckFigures.FlagCount(e.getKey(), e.getValue()))
                .toList();
        return new RiskCheckFigures(total, byTier, top);
    }
}
