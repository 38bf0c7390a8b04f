package md.migratiesigura.portal.visits;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import md.migratiesigura.portal.common.PortalTime;

/** Reads the counts the {@link VisitCounter} wrote: per day, per month, and what pages, languages, devices and referrers made them. */
public class VisitStatistics {

    private final DataSource dataSource;
    private final Clock clock;

    public VisitStatistics(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Pageviews, visits and visitors of a period. */
    public record Figures(long pageviews, long visits, long visitors) implements Serializable {
        public static final Figures ZERO = new Figures(0, 0, 0);
    }

    /** One item of a breakdown: a page, a language, a device class, a referrer class or domain. */
    public record Item(String item, long pageviews, long visits) implements Serializable {
    }

    /** The breakdowns kept per month; their {@code key()} is the dimension's name in the database. */
    public enum Dimension {
        PAGE("page"), LANGUAGE("language"), DEVICE("device"), REFERRER("referrer"), DOMAIN("domain");

        private final String key;

        Dimension(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** Today in Chisinau, as written by the last flush. */
    public Figures today() {
        return day(LocalDate.now(clock.withZone(PortalTime.ZONE)));
    }

    public Figures day(LocalDate day) {
        return query("SELECT pageviews, visits, visitors FROM visit_daily WHERE day = ?", s -> s.setDate(1, Date.valueOf(day)));
    }

    public Month currentMonth() {
        return Month.of(clock.instant());
    }

    public Figures month(Month month) {
        return query("SELECT pageviews, visits, visitors FROM visit_monthly WHERE year = ? AND month = ?", s -> {
            s.setInt(1, month.year());
            s.setInt(2, month.month());
        });
    }

    /** The counted months of a year (1–12); months without any pageview are absent. */
    public Map<Integer, Figures> months(int year) {
        Map<Integer, Figures> months = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT month, pageviews, visits, visitors FROM visit_monthly WHERE year = ? ORDER BY month")) {
            s.setInt(1, year);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    months.put(rs.getInt(1), new Figures(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                }
            }
            return months;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the monthly visits: " + e.getMessage(), e);
        }
    }

    /** The largest items of a month's breakdown, by pageviews (by visits for referrers and domains). */
    public List<Item> top(Month month, Dimension dimension, int limit) {
        String order = dimension == Dimension.REFERRER || dimension == Dimension.DOMAIN ? "visits" : "pageviews";
        List<Item> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT item, pageviews, visits FROM visit_breakdown"
                     + " WHERE year = ? AND month = ? AND dimension = ? ORDER BY " + order + " DESC, item LIMIT ?")) {
            s.setInt(1, month.year());
            s.setInt(2, month.month());
            s.setString(3, dimension.key());
            s.setInt(4, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.add(new Item(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the visit breakdown: " + e.getMessage(), e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private Figures query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3)) : Figures.ZERO;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the visits: " + e.getMessage(), e);
        }
    }
}
