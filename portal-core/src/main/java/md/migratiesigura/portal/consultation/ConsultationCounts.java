package md.migratiesigura.portal.consultation;

import java.io.Serializable;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import md.migratiesigura.portal.common.PortalTime;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The anonymous monthly numbers of consultations by topic, SOS and referral ({@code consultation_counts}): kept when
 * the consultations themselves are deleted, and the source of the annual report's figures.
 */
public class ConsultationCounts {

    private final SessionFactory sessionFactory;

    public ConsultationCounts(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /** Adds {@code delta} to the count of a month, topic, SOS and referral (0: none), in the caller's transaction. */
    static void add(Session session, LocalDate month, Topic topic, boolean sos, long referral, int delta) {
        session.createNativeMutationQuery("INSERT INTO consultation_counts (month_start, topic, sos, referral_id, consultations)"
                        + " VALUES (:month, :topic, :sos, :referral, :delta)"
                        + " ON DUPLICATE KEY UPDATE consultations = consultations + :delta")
                .setParameter("month", month)
                .setParameter("topic", topic.code())
                .setParameter("sos", sos)
                .setParameter("referral", referral)
                .setParameter("delta", delta)
                .executeUpdate();
    }

    /** The first day of the month, in Chisinau, in which the instant falls. */
    static LocalDate monthOf(Instant instant) {
        return instant.atZone(PortalTime.ZONE).toLocalDate().withDayOfMonth(1);
    }

    /** The counts of a year, as rows of month, topic, SOS, referral id (0 = none) and number. */
    public List<MonthlyCount> counts(int year) {
        return sessionFactory.fromTransaction(session -> session.createNativeQuery(
                        "SELECT month_start, topic, sos, referral_id, consultations FROM consultation_counts"
                                + " WHERE month_start BETWEEN :from AND :to ORDER BY month_start, topic, sos, referral_id",
                        Object[].class)
                .setParameter("from", LocalDate.of(year, 1, 1))
                .setParameter("to", LocalDate.of(year, 12, 1))
                .getResultList().stream()
                .map(row -> new MonthlyCount(toLocalDate(row[0]).getMonthValue(),
                        Topic.ofCode((String) row[1]).orElse(Topic.OTHER), toBoolean(row[2]),
                        ((Number) row[3]).longValue(), ((Number) row[4]).longValue()))
                .toList());
    }

    /** One line of the counts table. */
    public record MonthlyCount(int month, Topic topic, boolean sos, long referralId, long consultations)
            implements Serializable {
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }

    private static boolean toBoolean(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }
}
