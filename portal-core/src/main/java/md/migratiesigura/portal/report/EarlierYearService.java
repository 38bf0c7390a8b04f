package md.migratiesigura.portal.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.search.ContentVersion;
import org.hibernate.SessionFactory;

/**
 * The years before the portal (2001, when the hotline opened, to 2014): an administrator enters each year's headline
 * figures from the hotline's published factsheet, changes or deletes them; every change is audited with who and
 * when. Nothing is invented: a year exists only once entered, with its source. Each call is one transaction.
 */
public class EarlierYearService {

    /** The hotline opened on 1 September 2001. */
    public static final int FIRST_YEAR = 2001;
    /** The last year before the portal: from {@link ReportService#FIRST_YEAR} on, a year has a report of its own. */
    public static final int LAST_YEAR = ReportService.FIRST_YEAR - 1;
    public static final long MAX_VALUE = 100_000_000L;
    public static final int MAX_SOURCE = 300;

    /** Why a year cannot be saved; the web form checks the same before calling. */
    public enum Problem { YEAR, VALUE, SOURCE, NO_FIGURE }

    /** Thrown when the figures given break a rule; nothing is saved. */
    public static final class InvalidYearException extends IllegalArgumentException {
        private final Problem problem;

        InvalidYearException(Problem problem, String message) {
            super(message);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private final SessionFactory sessionFactory;
    private final AuditService audit;
    private final Clock clock;

    public EarlierYearService(SessionFactory sessionFactory, AuditService audit, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.audit = audit;
        this.clock = clock;
    }

    public static boolean isEarlierYear(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** Every entered year, newest first. */
    public List<EarlierYear> list() {
        return sessionFactory.fromTransaction(session -> session.doReturningWork(c -> read(c, null)));
    }

    public Optional<EarlierYear> find(int year) {
        return sessionFactory.fromTransaction(session -> session.doReturningWork(c -> read(c, year)))
                .stream().findFirst();
    }

    /**
     * Enters or replaces a year's figures.
     *
     * @throws InvalidYearException when the year is outside 2001-2014, a figure is negative or too large, the source is
     *                              blank or too long, or no figure is given
     */
    public void save(SignedInUser actor, int year, Map<Figure, Long> values, String source) {
        check(year, values, source);
        Instant now = clock.instant();
        boolean[] existed = new boolean[1];
        sessionFactory.inTransaction(session -> session.doWork(c -> {
            existed[0] = !read(c, year).isEmpty();
            write(c, year, values, source.strip(), now);
        }));
        ContentVersion.changed();
        audit.record(actor, AuditAction.EARLIER_YEAR_SAVED, "report " + year,
                (existed[0] ? "changed: " : "entered: ") + values.size() + " figure(s)");
    }

    /** Deletes a year's figures; false when the year had none. */
    public boolean delete(SignedInUser actor, int year) {
        int deleted = sessionFactory.fromTransaction(session -> session.doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM report_earlier_years WHERE year = ?")) {
                s.setInt(1, year);
                return s.executeUpdate();
            }
        }));
        if (deleted > 0) {
            ContentVersion.changed();
            audit.record(actor, AuditAction.EARLIER_YEAR_DELETED, "report " + year, null);
        }
        return deleted > 0;
    }

    static void check(int year, Map<Figure, Long> values, String source) {
        if (!isEarlierYear(year)) {
            throw new InvalidYearException(Problem.YEAR, "year " + year + " is not between " + FIRST_YEAR + " and "
                    + LAST_YEAR);
        }
        for (Map.Entry<Figure, Long> e : values.entrySet()) {
            if (e.getValue() == null || e.getValue() < 0 || e.getValue() > MAX_VALUE) {
                throw new InvalidYearException(Problem.VALUE, e.getKey().column() + " must be 0 to " + MAX_VALUE);
            }
        }
        if (source == null || source.isBlank() || source.strip().length() > MAX_SOURCE) {
            throw new InvalidYearException(Problem.SOURCE, "the source must be 1 to " + MAX_SOURCE + " characters");
        }
        if (values.isEmpty()) {
            throw new InvalidYearException(Problem.NO_FIGURE, "at least one figure is needed");
        }
    }

    private static void write(Connection c, int year, Map<Figure, Long> values, String source, Instant now)
            throws SQLException {
        StringBuilder columns = new StringBuilder("year, source, entered_at");
        StringBuilder marks = new StringBuilder("?, ?, ?");
        StringBuilder updates = new StringBuilder("source = VALUES(source), entered_at = VALUES(entered_at)");
        for (Figure f : Figure.values()) {
            columns.append(", ").append(f.column());
            marks.append(", ?");
            updates.append(", ").append(f.column()).append(" = VALUES(").append(f.column()).append(")");
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO report_earlier_years (" + columns
                + ") VALUES (" + marks + ") ON DUPLICATE KEY UPDATE " + updates)) {
            upsert.setInt(1, year);
            upsert.setString(2, source);
            upsert.setTimestamp(3, Timestamp.from(now));
            int i = 4;
            for (Figure f : Figure.values()) {
                Long v = values.get(f);
                if (v == null) {
                    upsert.setNull(i++, Types.INTEGER);
                } else {
                    upsert.setLong(i++, v);
                }
            }
            upsert.executeUpdate();
        }
    }

    private static List<EarlierYear> read(Connection c, Integer year) throws SQLException {
        List<EarlierYear> years = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM report_earlier_years"
                + (year == null ? "" : " WHERE year = ?") + " ORDER BY year DESC")) {
            if (year != null) {
                s.setInt(1, year);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<Figure, Long> values = new EnumMap<>(Figure.class);
                    for (Figure f : Figure.values()) {
                        long v = rs.getLong(f.column());
                        if (!rs.wasNull()) {
                            values.put(f, v);
                        }
                    }
                    years.add(new EarlierYear(rs.getInt("year"), values, rs.getString("source"),
                            rs.getTimestamp("entered_at").toInstant()));
                }
            }
        }
        return years;
    }
}
