package md.migratiesigura.portal.riskcheck;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import md.migratiesigura.portal.persistence.CommitConflicts;
import org.hibernate.SessionFactory;

/**
 * The only trace a check leaves: one more in its month's count for its tier, and for each flag it raised. Upserts
 * in SQL, because two checks finishing at once must both be counted without reading first.
 */
public class RiskCheckCounts {

    private final SessionFactory sessionFactory;

    public RiskCheckCounts(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    void add(YearMonth month, Tier tier, Collection<String> rules) {
        LocalDate start = month.atDay(1);
        // Two portal nodes writing the same month's count through two Galera nodes: the later commit is refused and
        // runs again (nothing was counted by the refused one).
        CommitConflicts.retry(() -> sessionFactory.inTransaction(session -> {
            session.createNativeMutationQuery("INSERT INTO risk_check_tier_counts (month_start, tier, checks)"
                            + " VALUES (:month, :tier, 1) ON DUPLICATE KEY UPDATE checks = checks + 1")
                    .setParameter("month", start)
                    .setParameter("tier", tier.code())
                    .executeUpdate();
            for (String rule : rules) {
                session.createNativeMutationQuery("INSERT INTO risk_check_flag_counts (month_start, rule, raised)"
                                + " VALUES (:month, :rule, 1) ON DUPLICATE KEY UPDATE raised = raised + 1")
                        .setParameter("month", start)
                        .setParameter("rule", rule)
                        .executeUpdate();
            }
        }));
    }

    /** The months of a year that had at least one check, in order. */
    public List<MonthlyRiskChecks> year(int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 1);
        Map<YearMonth, Map<Tier, Long>> tiers = new TreeMap<>();
        Map<YearMonth, Map<String, Long>> flags = new HashMap<>();
        sessionFactory.inTransaction(session -> {
            for (Object[] row : session.createNativeQuery("SELECT month_start, tier, checks FROM risk_check_tier_counts"
                            + " WHERE month_start BETWEEN :from AND :to", Object[].class)
                    .setParameter("from", from).setParameter("to", to).getResultList()) {
                tiers.computeIfAbsent(month(row[0]), m -> new EnumMap<>(Tier.class))
                        .put(Tier.valueOf(((String) row[1]).toUpperCase(Locale.ROOT)), ((Number) row[2]).longValue());
            }
            for (Object[] row : session.createNativeQuery("SELECT month_start, rule, raised FROM risk_check_flag_counts"
                            + " WHERE month_start BETWEEN :from AND :to", Object[].class)
                    .setParameter("from", from).setParameter("to", to).getResultList()) {
                flags.computeIfAbsent(month(row[0]), m -> new HashMap<>()).put((String) row[1], ((Number) row[2]).longValue());
            }
        });
        List<MonthlyRiskChecks> months = new ArrayList<>();
        tiers.forEach((month, byTier) -> months.add(new MonthlyRiskChecks(month, byTier, flags.getOrDefault(month, Map.of()))));
        return months;
    }

    private static YearMonth month(Object value) {
        LocalDate date = value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
        return YearMonth.from(date);
    }
}
