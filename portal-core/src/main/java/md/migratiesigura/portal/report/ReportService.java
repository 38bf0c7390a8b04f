package md.migratiesigura.portal.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.PortalTime;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.search.ContentVersion;
import md.migratiesigura.portal.visits.VisitStatistics;
import org.hibernate.SessionFactory;

/**
 * The annual report: the platform's figures computed from the visit counts and the content, the figures of the
 * events, job-offer checks and consultations (through {@link ReportSources}), and what an administrator enters
 * for a year. Each call is one transaction.
 */
public class ReportService {

    public static final int FIRST_YEAR = 2015;
    public static final int MAX_TEXT = 4000;
    private static final ZoneId ZONE = PortalTime.ZONE;

    private final SessionFactory sessionFactory;
    private final VisitStatistics visits;
    private final ReportSources sources;
    private final AuditService audit;
    private final Clock clock;

    public ReportService(SessionFactory sessionFactory, VisitStatistics visits, ReportSources sources,
                         AuditService audit, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.visits = visits;
        this.sources = sources;
        this.audit = audit;
        this.clock = clock;
    }

    /** The years a report exists for: from the portal's launch (2015) to the current year. */
    public boolean isReportYear(int year) {
        return year >= FIRST_YEAR && year <= LocalDate.now(clock.withZone(ZONE)).getYear();
    }

    /**
     * The reports worth showing side by side, newest first: every year from the current one back to {@link #FIRST_YEAR}
     * with visits counted or entered, or with published figures.
     */
    public List<AnnualReport> retrospective() {
        List<AnnualReport> reports = new ArrayList<>();
        for (int year = currentYear(); year >= FIRST_YEAR; year--) {
            AnnualReport report = report(year, false);
            if (report.totals().visits() > 0 || report.isPublished()) {
                reports.add(report);
            }
        }
        return reports;
    }

    public int currentYear() {
        return LocalDate.now(clock.withZone(ZONE)).getYear();
    }

    /**
     * The public report of a year: entered monthly figures replace counted ones month by month; the
     * administrator's yearly figures and texts are included only once the year is published.
     */
    public AnnualReport report(int year) {
        return report(year, true);
    }

    /** @param withChat false leaves the chat's figures out (none): the retrospective does not show them */
    private AnnualReport report(int year, boolean withChat) {
        Map<Integer, VisitStatistics.Figures> counted = visits.months(year);
        Map<Integer, EnteredMonth> entered = enteredMonths(year).stream()
                .collect(Collectors.toMap(EnteredMonth::month, m -> m));
        List<AnnualReport.MonthFigures> months = new ArrayList<>(12);
        long totalVisits = 0;
        long totalVisitors = 0;
        long totalPageviews = 0;
        for (int month = 1; month <= 12; month++) {
            AnnualReport.MonthFigures figures;
            EnteredMonth e = entered.get(month);
            VisitStatistics.Figures c = counted.getOrDefault(month, VisitStatistics.Figures.ZERO);
            if (e != null) {
                figures = new AnnualReport.MonthFigures(month, e.visits(), e.uniqueVisitors(),
                        e.pageviews() != null ? e.pageviews() : c.pageviews(), true);
            } else {
                figures = new AnnualReport.MonthFigures(month, c.visits(), c.visitors(), c.pageviews(), false);
            }
            months.add(figures);
            totalVisits += figures.visits();
            totalVisitors += figures.uniqueVisitors();
            totalPageviews += figures.pageviews();
        }
        YearFigures figures = figures(year);
        return new AnnualReport(year, months, new AnnualReport.Totals(totalVisits, totalVisitors, totalPageviews),
                articlesPublished(year), sources.events().forYear(year), sources.riskChecks().forYear(year),
                sources.consultations().forYear(year), figures.published() ? figures : null,
                sources.hotline().forYear(year).orElseGet(() -> HotlineFigures.entered(figures.published() ? figures : null)),
                withChat ? sources.chat().forYear(year) : ChatFigures.none());
    }

    /**
     * Articles first published in the year: an article counts once, in the year its earliest published translation
     * appeared (Chisinau time), as the factsheet counts "articles published", not translations.
     */
    public long articlesPublished(int year) {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(ZONE).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(ZONE).toInstant();
        Instant now = clock.instant();
        // Counted in the database: bringing every article's first date over would cost a row per article.
        return sessionFactory.fromTransaction(session -> session.createNativeQuery(
                        "select count(*) from (select min(published_at) as first from article_translations"
                                + " where status in ('PUBLISHED', 'SCHEDULED') and published_at <= :now"
                                + " group by article_id) firsts where first >= :from and first < :to", Long.class)
                .setParameter("now", now)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult());
    }

    /** The monthly figures entered for a year, January first. */
    public List<EnteredMonth> enteredMonths(int year) {
        return sessionFactory.fromTransaction(session -> session.doReturningWork(c -> {
            List<EnteredMonth> months = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT month, visits, unique_visitors, pageviews"
                    + " FROM report_entered_months WHERE year = ? ORDER BY month")) {
                s.setInt(1, year);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        int month = rs.getInt(1);
                        long visits = rs.getLong(2);
                        long visitors = rs.getLong(3);
                        long pageviews = rs.getLong(4);
                        months.add(new EnteredMonth(month, visits, visitors, rs.wasNull() ? null : pageviews));
                    }
                }
            }
            return months;
        }));
    }

    /** Replaces the entered monthly figures of a year (an empty list removes them: counting applies again). */
    public void saveEnteredMonths(SignedInUser actor, int year, List<EnteredMonth> months) {
        sessionFactory.inTransaction(session -> session.doWork(c -> replaceEnteredMonths(c, year, months)));
        ContentVersion.changed();
        if (actor != null) {
            audit.record(actor, AuditAction.REPORT_MONTHS_SAVED, "report " + year, months.size() + " month(s)");
        }
    }

    static void replaceEnteredMonths(Connection c, int year, List<EnteredMonth> months) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM report_entered_months WHERE year = ?")) {
            delete.setInt(1, year);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO report_entered_months"
                + " (year, month, visits, unique_visitors, pageviews) VALUES (?, ?, ?, ?, ?)")) {
            for (EnteredMonth m : months) {
                insert.setInt(1, year);
                insert.setInt(2, m.month());
                insert.setLong(3, m.visits());
                insert.setLong(4, m.uniqueVisitors());
                if (m.pageviews() == null) {
                    insert.setNull(5, Types.INTEGER);
                } else {
                    insert.setLong(5, m.pageviews());
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** What an administrator entered for the year, published or not; empty figures when nothing was. */
    public YearFigures figures(int year) {
        return sessionFactory.fromTransaction(session -> session.doReturningWork(c -> readFigures(c, year)));
    }

    static YearFigures readFigures(Connection c, int year) throws SQLException {
        Map<Figure, Long> values = new EnumMap<>(Figure.class);
        boolean published = false;
        Instant updatedAt = null;
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM report_years WHERE year = ?")) {
            s.setInt(1, year);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    for (Figure f : Figure.values()) {
                        long v = rs.getLong(f.column());
                        if (!rs.wasNull()) {
                            values.put(f, v);
                        }
                    }
                    published = rs.getBoolean("published");
                    updatedAt = rs.getTimestamp("updated_at").toInstant();
                }
            }
        }
        Map<Figure.Section, Map<Language, String>> texts = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT section, lang, body FROM report_texts WHERE year = ?")) {
            s.setInt(1, year);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Figure.Section section = Figure.Section.valueOf(rs.getString(1).toUpperCase(Locale.ROOT));
                    Language language = Language.ofCode(rs.getString(2)).orElseThrow();
                    texts.computeIfAbsent(section, k -> new EnumMap<>(Language.class)).put(language, rs.getString(3));
                }
            }
        }
        return new YearFigures(year, values, texts, published, updatedAt);
    }

    /** Saves the year's figures and texts as given (blank texts are removed); publishing is left as it was. */
    public void saveFigures(SignedInUser actor, YearFigures figures) {
        Instant now = clock.instant();
        sessionFactory.inTransaction(session -> session.doWork(c -> writeFigures(c, figures, now, null)));
        ContentVersion.changed();
        if (actor != null) {
            audit.record(actor, AuditAction.REPORT_FIGURES_SAVED, "report " + figures.year(), null);
        }
    }

    /**
     * @param published null keeps the year's publication as it is (false for a new year)
     */
    static void writeFigures(Connection c, YearFigures figures, Instant now, Boolean published) throws SQLException {
        StringBuilder columns = new StringBuilder("year, updated_at, published");
        StringBuilder marks = new StringBuilder("?, ?, ?");
        StringBuilder updates = new StringBuilder("updated_at = VALUES(updated_at)");
        if (published != null) {
            updates.append(", published = VALUES(published)");
        }
        for (Figure f : Figure.values()) {
            columns.append(", ").append(f.column());
            marks.append(", ?");
            updates.append(", ").append(f.column()).append(" = VALUES(").append(f.column()).append(")");
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO report_years (" + columns + ") VALUES ("
                + marks + ") ON DUPLICATE KEY UPDATE " + updates)) {
            upsert.setInt(1, figures.year());
            upsert.setTimestamp(2, Timestamp.from(now));
            upsert.setBoolean(3, published != null && published);
            int i = 4;
            for (Figure f : Figure.values()) {
                Long v = figures.value(f);
                if (v == null) {
                    upsert.setNull(i++, Types.INTEGER);
                } else {
                    upsert.setLong(i++, v);
                }
            }
            upsert.executeUpdate();
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM report_texts WHERE year = ?")) {
            delete.setInt(1, figures.year());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO report_texts (year, section, lang, body) VALUES (?, ?, ?, ?)")) {
            for (Figure.Section section : Figure.Section.values()) {
                for (Language language : Language.values()) {
                    String text = figures.text(section, language);
                    if (text != null && !text.isBlank()) {
                        insert.setInt(1, figures.year());
                        insert.setString(2, section.key());
                        insert.setString(3, language.code());
                        String body = text.strip();
                        insert.setString(4, body.length() > MAX_TEXT ? body.substring(0, MAX_TEXT) : body);
                        insert.addBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }

    /** Publishes the year's entered figures and texts on the public report, or takes them off again. */
    public void setPublished(SignedInUser actor, int year, boolean published) {
        Instant now = clock.instant();
        sessionFactory.inTransaction(session -> session.doWork(c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO report_years (year, updated_at, published)"
                    + " VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE published = VALUES(published), updated_at = VALUES(updated_at)")) {
                upsert.setInt(1, year);
                upsert.setTimestamp(2, Timestamp.from(now));
                upsert.setBoolean(3, published);
                upsert.executeUpdate();
            }
        }));
        ContentVersion.changed();
        if (actor != null) {
            audit.record(actor, published ? AuditAction.REPORT_PUBLISHED : AuditAction.REPORT_UNPUBLISHED,
                    "report " + year, null);
        }
    }
}
