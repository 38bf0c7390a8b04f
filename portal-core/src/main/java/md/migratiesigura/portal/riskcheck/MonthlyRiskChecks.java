package md.migratiesigura.portal.riskcheck;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.Map;

/**
 * The anonymous counts of one month, for the annual report.
 *
 * @param byTier how many checks ended in each tier
 * @param byFlag how many checks raised each flag, by rule id
 */
public record MonthlyRiskChecks(YearMonth month, Map<Tier, Long> byTier, Map<String, Long> byFlag)
        implements Serializable {

    public MonthlyRiskChecks {
        byTier = Map.copyOf(byTier);
        byFlag = Map.copyOf(byFlag);
    }

    public long total() {
        return byTier.values().stream().mapToLong(Long::longValue).sum();
    }
}
