package md.migratiesigura.portal.report;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** Job-offer checks done in a year: by tier (high, caution, none) and the red flags raised most often. */
public record RiskCheckFigures(long total, Map<String, Long> byTier, List<FlagCount> topFlags) implements Serializable {

    public static final List<String> TIERS = List.of("high", "caution", "none");

    public RiskCheckFigures {
        byTier = Map.copyOf(byTier);
        topFlags = List.copyOf(topFlags);
    }

    public static RiskCheckFigures none() {
        return new RiskCheckFigures(0, Map.of("high", 0L, "caution", 0L, "none", 0L), List.of());
    }

    public long count(String tier) {
        return byTier.getOrDefault(tier, 0L);
    }

    /** A red flag (its rule, e.g. C2) and how many checks raised it. */
    public record FlagCount(String rule, long count) implements Serializable {
    }
}
