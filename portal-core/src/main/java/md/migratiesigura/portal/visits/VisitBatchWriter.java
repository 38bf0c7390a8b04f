package md.migratiesigura.portal.visits;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import md.migratiesigura.portal.common.PortalTime;

/**
 * Applies one batch of pageviews in one transaction. Each visitor's row is read {@code FOR UPDATE}, so that nodes
 * counting at once agree on where a visit starts; the day, month and breakdown counters are then added to with
 * {@code INSERT … ON DUPLICATE KEY UPDATE}. The batch's id is written first: a batch whose commit was applied but
 * not acknowledged is recognised when retried, and not counted twice.
 */
final class VisitBatchWriter {

    /** Pageviews drained together, with an id that stays the same across retries. */
    record Batch(String id, List<Pageview> pageviews) {
    }

    private final Connection connection;

    VisitBatchWriter(Connection connection) {
        this.connection = connection;
    }

    void apply(Batch batch, Instant now) throws SQLException {
        connection.setAutoCommit(false);
        try {
            if (!claim(batch.id(), now)) {
                connection.rollback();
                return;
            }
            Counters counters = new Counters();
            for (Map.Entry<VisitorKey, List<Pageview>> visitor : byVisitor(batch.pageviews()).entrySet()) {
                count(visitor.getKey(), visitor.getValue(), counters);
            }
            counters.write(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is probably gone; the batch is retried either way
            }
            throw e;
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // as above
            }
        }
    }

    private boolean claim(String id, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO visit_batches (id, applied_at) VALUES (?, ?)")) {
            insert.setString(1, id);
            insert.setTimestamp(2, Timestamp.from(now));
            insert.executeUpdate();
            return true;
        } catch (SQLIntegrityConstraintViolationException e) {
            return false;
        }
    }

    /** Visitors in a fixed order (so that two nodes lock rows in the same order), each one's pageviews by time. */
    private static Map<VisitorKey, List<Pageview>> byVisitor(List<Pageview> pageviews) {
        Map<VisitorKey, List<Pageview>> grouped = new TreeMap<>();
        for (Pageview p : pageviews) {
            grouped.computeIfAbsent(new VisitorKey(p.month(), p.visitor()), k -> new ArrayList<>()).add(p);
        }
        grouped.values().forEach(list -> list.sort(Comparator.comparing(Pageview::at)));
        return grouped;
    }

    private void count(VisitorKey key, List<Pageview> pageviews, Counters counters) throws SQLException {
        Instant last = lastSeen(key);
        for (Pageview p : pageviews) {
            boolean newVisitor = last == null;
            boolean newVisit = last == null || Duration.between(last, p.at()).abs().compareTo(VisitCounter.VISIT_GAP) > 0;
            LocalDate day = LocalDate.ofInstant(p.at(), PortalTime.ZONE);
            boolean newDayVisitor = last == null
                    || (p.at().isAfter(last) && !day.equals(LocalDate.ofInstant(last, PortalTime.ZONE)));
            counters.add(p, day, newVisitor, newVisit, newDayVisitor);
            if (last == null || p.at().isAfter(last)) {
                last = p.at();
            }
        }
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO visit_visitors (year, month, visitor, last_seen) VALUES (?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE last_seen = GREATEST(last_seen, VALUES(last_seen))")) {
            upsert.setInt(1, key.month().year());
            upsert.setInt(2, key.month().month());
            upsert.setBytes(3, key.visitor());
            upsert.setTimestamp(4, Timestamp.from(last));
            upsert.executeUpdate();
        }
    }

    private Instant lastSeen(VisitorKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_seen FROM visit_visitors WHERE year = ? AND month = ? AND visitor = ? FOR UPDATE")) {
            select.setInt(1, key.month().year());
            select.setInt(2, key.month().month());
            select.setBytes(3, key.visitor());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getTimestamp(1).toInstant() : null;
            }
        }
    }

    private record VisitorKey(Month month, byte[] visitor) implements Comparable<VisitorKey> {
        @Override
        public int compareTo(VisitorKey other) {
            int byMonth = month.compareTo(other.month);
            return byMonth != 0 ? byMonth : Arrays.compareUnsigned(visitor, other.visitor);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof VisitorKey k && month.equals(k.month) && Arrays.equals(visitor, k.visitor);
        }

        @Override
        public int hashCode() {
            return month.hashCode() * 31 + Arrays.hashCode(visitor);
        }

        @Override
        public String toString() {
            return month + "/" + HexFormat.of().formatHex(visitor, 0, 4);
        }
    }

    /** The batch's sums, written with one upsert per row. */
    private static final class Counters {
        private final Map<LocalDate, int[]> days = new TreeMap<>();
        private final Map<Month, int[]> months = new TreeMap<>();
        private final Map<BreakdownKey, int[]> breakdown = new LinkedHashMap<>();

        void add(Pageview p, LocalDate day, boolean newVisitor, boolean newVisit, boolean newDayVisitor) {
            add(days.computeIfAbsent(day, d -> new int[3]), 1, newVisit ? 1 : 0, newDayVisitor ? 1 : 0);
            add(months.computeIfAbsent(p.month(), m -> new int[3]), 1, newVisit ? 1 : 0, newVisitor ? 1 : 0);
            int entry = newVisit ? 1 : 0;
            breakdown(p.month(), "page", p.path(), 1, entry);
            breakdown(p.month(), "language", p.language().code(), 1, entry);
            breakdown(p.month(), "device", p.device().key(), 1, entry);
            if (newVisit) {
                breakdown(p.month(), "referrer", p.referrer().key(), 0, 1);
                if (p.domain() != null) {
                    breakdown(p.month(), "domain", p.domain(), 0, 1);
                }
            }
        }

        private void breakdown(Month month, String dimension, String item, int pageviews, int visits) {
            int[] sums = breakdown.computeIfAbsent(new BreakdownKey(month, dimension, item), k -> new int[2]);
            sums[0] += pageviews;
            sums[1] += visits;
        }

        private static void add(int[] sums, int pageviews, int visits, int visitors) {
            sums[0] += pageviews;
            sums[1] += visits;
            sums[2] += visitors;
        }

        void write(Connection connection) throws SQLException {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO visit_daily (day, pageviews, visits, visitors) VALUES (?, ?, ?, ?)"
                            + " ON DUPLICATE KEY UPDATE pageviews = pageviews + VALUES(pageviews),"
                            + " visits = visits + VALUES(visits), visitors = visitors + VALUES(visitors)")) {
                for (Map.Entry<LocalDate, int[]> e : days.entrySet()) {
                    upsert.setDate(1, Date.valueOf(e.getKey()));
                    setSums(upsert, 2, e.getValue());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO visit_monthly (year, month, pageviews, visits, visitors) VALUES (?, ?, ?, ?, ?)"
                            + " ON DUPLICATE KEY UPDATE pageviews = pageviews + VALUES(pageviews),"
                            + " visits = visits + VALUES(visits), visitors = visitors + VALUES(visitors)")) {
                for (Map.Entry<Month, int[]> e : months.entrySet()) {
                    upsert.setInt(1, e.getKey().year());
                    upsert.setInt(2, e.getKey().month());
                    setSums(upsert, 3, e.getValue());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO visit_breakdown (year, month, dimension, item, pageviews, visits) VALUES (?, ?, ?, ?, ?, ?)"
                            + " ON DUPLICATE KEY UPDATE pageviews = pageviews + VALUES(pageviews),"
                            + " visits = visits + VALUES(visits)")) {
                for (Map.Entry<BreakdownKey, int[]> e : breakdown.entrySet()) {
                    upsert.setInt(1, e.getKey().month().year());
                    upsert.setInt(2, e.getKey().month().month());
                    upsert.setString(3, e.getKey().dimension());
                    upsert.setString(4, e.getKey().item());
                    upsert.setInt(5, e.getValue()[0]);
                    upsert.setInt(6, e.getValue()[1]);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }

        private static void setSums(PreparedStatement statement, int first, int[] sums) throws SQLException {
            for (int i = 0; i < sums.length; i++) {
                statement.setInt(first + i, sums[i]);
            }
        }
    }

    private record BreakdownKey(Month month, String dimension, String item) {
        // Written out: a batch of a busy minute looks keys up hundreds of thousands of times, and the generated
        // methods (through method handles) showed in profiles of the flusher thread.
        @Override
        public boolean equals(Object other) {
            return other instanceof BreakdownKey key && key.month.year() == month.year()
                    && key.month.month() == month.month() && Objects.equals(key.dimension, dimension)
                    && Objects.equals(key.item, item);
        }

        @Override
        public int hashCode() {
            return ((month.year() * 31 + month.month()) * 31 + Objects.hashCode(dimension)) * 31 + Objects.hashCode(item);
        }
    }

}
