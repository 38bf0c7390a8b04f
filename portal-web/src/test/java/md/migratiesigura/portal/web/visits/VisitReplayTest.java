package md.migratiesigura.portal.web.visits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import md.migratiesigura.portal.MutableClock;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.config.IpRange;
import md.migratiesigura.portal.persistence.Database;
import md.migratiesigura.portal.report.AnnualReport;
import md.migratiesigura.portal.report.ReportService;
import md.migratiesigura.portal.report.ReportSources;
import md.migratiesigura.portal.visits.Month;
import md.migratiesigura.portal.visits.VisitCounter;
import md.migratiesigura.portal.visits.VisitStatistics;
import md.migratiesigura.portal.visits.VisitStatistics.Dimension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fixture traffic log ({@code visits/traffic-2025.tsv}: readers on IPv4 and IPv6, bots, previews, tools,
 * prefetches, 404s, assets, feeds, the back office, a visit across midnight and a visitor across a month boundary,
 * gaps of 29 and 31 minutes, a trusted proxy and a forged header) replayed through the real filter and counter into
 * a real database, then compared with the expected report ({@code traffic-2025.expected.csv}), as Matomo tests its
 * reports. Then the months are closed and nothing that could identify a reader is left anywhere in the database.
 */
class VisitReplayTest {

    private static Database database;
    private static MutableClock clock;
    private static List<String[]> log;

    @BeforeAll
    static void replay() throws Exception {
        database = Database.open(TestDatabases.newConfig(Files.createTempDirectory("visit-replay")));
        log = readLog();
        clock = new MutableClock(Instant.parse(log.get(0)[0]));
        VisitCounter counter = VisitCounter.standard(database.dataSource(), clock);
        VisitCountingFilter filter = new VisitCountingFilter(counter, List.of(IpRange.parse("127.0.0.1")), clock,
                "portal.example");
        LocalDate day = null;
        for (String[] line : log) {
            Instant at = Instant.parse(line[0]);
            LocalDate lineDay = LocalDate.ofInstant(at, ZoneOffset.UTC);
            if (day != null && !lineDay.equals(day)) {
                clock.set(at);
                assertTrue(counter.flush(), "the flusher writes between days");
            }
            day = lineDay;
            clock.set(at);
            FakeExchange exchange = new FakeExchange(line[1], line[2], line[3], headers(line));
            filter.doFilter(exchange.request, exchange.response,
                    (request, response) -> exchange.answer(Integer.parseInt(line[4])));
        }
        assertTrue(counter.flush());
        assertEquals(0, counter.dropped());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void theReplayGivesTheExpectedMonthlyReport() throws IOException {
        ReportService reports = new ReportService(database.sessionFactory(),
                new VisitStatistics(database.dataSource(), clock), ReportSources.NONE,
                new AuditService(database.sessionFactory(), clock), clock);
        AnnualReport report = reports.report(2025);
        long[] totals = new long[3];
        Map<Integer, String> expected = expectedMonths();
        for (AnnualReport.MonthFigures month : report.months()) {
            String want = expected.getOrDefault(month.month(), month.month() + ";0;0;0");
            assertEquals(want, month.month() + ";" + month.visits() + ";" + month.uniqueVisitors() + ";" + month.pageviews(),
                    "month " + month.month() + ": month;visits;unique_visitors;pageviews");
            totals[0] += month.visits();
            totals[1] += month.uniqueVisitors();
            totals[2] += month.pageviews();
        }
        assertEquals(new AnnualReport.Totals(totals[0], totals[1], totals[2]), report.totals());
        assertEquals(new AnnualReport.Totals(10, 8, 14), report.totals(), "a year's unique visitors are its months' sum");
    }

    @Test
    void aVisitAcrossMidnightIsOneVisitWithAVisitorOnEachDay() {
        VisitStatistics stats = new VisitStatistics(database.dataSource(), clock);
        assertEquals(new VisitStatistics.Figures(1, 1, 1), stats.day(LocalDate.of(2025, 1, 15)));
        assertEquals(new VisitStatistics.Figures(1, 0, 1), stats.day(LocalDate.of(2025, 1, 16)));
    }

    @Test
    void theBreakdownsKeepPagesLanguagesDevicesAndOnlyTheReferringDomain() {
        VisitStatistics stats = new VisitStatistics(database.dataSource(), clock);
        Month january = new Month(2025, 1);
        assertEquals(new VisitStatistics.Item("/ro/", 3, 3), stats.top(january, Dimension.PAGE, 1).get(0));
        assertEquals(List.of(new VisitStatistics.Item("ro", 5, 3), new VisitStatistics.Item("ru", 5, 3)),
                stats.top(january, Dimension.LANGUAGE, 5));
        assertEquals(List.of(new VisitStatistics.Item("google.com", 0, 1), new VisitStatistics.Item("lastrada.md", 0, 1)),
                stats.top(january, Dimension.DOMAIN, 5));
        assertEquals(new VisitStatistics.Item("direct", 0, 4), stats.top(january, Dimension.REFERRER, 1).get(0));
        Month february = new Month(2025, 2);
        assertTrue(stats.top(february, Dimension.DEVICE, 5).contains(new VisitStatistics.Item("tablet", 1, 1)));
        assertTrue(stats.top(february, Dimension.DOMAIN, 5).contains(new VisitStatistics.Item("bing.com", 0, 1)));
    }

    @Test
    void closedMonthsLeaveNoSaltNoVisitorAndNoAddressAnywhere() throws Exception {
        VisitCounter closer = VisitCounter.standard(database.dataSource(), clock);
        clock.set(Instant.parse("2025-02-28T22:31:00Z")); // 00:31 on 1 March in Chisinau
        assertTrue(closer.flush());
        assertEquals(0, count("SELECT COUNT(*) FROM visit_salts WHERE year = 2025 AND month <= 2"));
        assertEquals(0, count("SELECT COUNT(*) FROM visit_visitors WHERE year = 2025 AND month <= 2"));
        assertEquals(10, count("SELECT pageviews FROM visit_monthly WHERE year = 2025 AND month = 1"), "counts stay");

        // The live chat's only trace of an address: an HMAC under a key derived from the consultation key (which the
        // database does not hold), on a chat while it lasts and on a block for 24 hours (docs/chat.md, "Privacy").
        Set<String> keyedHashes = Set.of("chats.address_hash", "chat_blocks.address_hash");
        List<String> suspicious = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet columns = s.executeQuery("SELECT table_name, column_name, column_type FROM information_schema.columns"
                     + " WHERE table_schema = DATABASE()")) {
            while (columns.next()) {
                String name = columns.getString(2).toLowerCase();
                String column = columns.getString(1) + "." + name;
                if (keyedHashes.contains(column)) {
                    assertEquals("binary(32)", columns.getString(3), column + " holds a 32-byte HMAC, nothing else");
                } else if (name.contains("addr") || name.equals("ip") || name.contains("_ip") || name.contains("agent")) {
                    suspicious.add(column);
                }
            }
        }
        assertEquals(List.of(), suspicious, "no column is meant for an address or a user agent");

        Set<String> secrets = new LinkedHashSet<>();
        for (String[] line : log) {
            secrets.add(line[1]);
            secrets.add(line[5]);
            for (String value : headers(line).values()) {
                secrets.addAll(List.of(value.split("\\s*,\\s*")));
            }
        }
        secrets.removeIf(s -> s.length() < 7 || s.startsWith("https://") || s.contains("prefetch"));
        assertTrue(secrets.contains("2001:db8::7") && secrets.contains("192.0.2.44"), "the scan looks for real values");
        assertEquals(List.of(), valuesContaining(secrets), "no address or user agent is stored anywhere");
    }

    private static List<String> valuesContaining(Set<String> secrets) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement tables = c.createStatement();
             ResultSet names = tables.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = DATABASE()")) {
            List<String> all = new ArrayList<>();
            while (names.next()) {
                all.add(names.getString(1));
            }
            for (String table : all) {
                try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT * FROM `" + table + "`")) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object value = rows.getObject(i);
                            if (value == null) {
                                continue;
                            }
                            String text = value instanceof byte[] raw
                                    ? new String(raw, StandardCharsets.ISO_8859_1) : value.toString();
                            for (String secret : secrets) {
                                if (text.contains(secret)) {
                                    found.add(table + "." + meta.getColumnName(i) + " holds " + secret);
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String[]> readLog() throws IOException {
        List<String[]> lines = new ArrayList<>();
        for (String line : resource("traffic-2025.tsv").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                lines.add(line.split("\t", -1));
            }
        }
        return lines;
    }

    private static Map<String, String> headers(String[] line) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!line[5].isEmpty()) {
            headers.put("User-Agent", line[5]);
        }
        if (line.length > 6 && !line[6].isBlank()) {
            for (String header : line[6].split("\\|")) {
                String[] nameValue = header.split(":", 2);
                headers.put(nameValue[0].strip(), nameValue[1].strip());
            }
        }
        return headers;
    }

    private static Map<Integer, String> expectedMonths() throws IOException {
        Map<Integer, String> months = new LinkedHashMap<>();
        for (String line : resource("traffic-2025.expected.csv").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                months.put(Integer.parseInt(line.split(";")[0]), line.strip());
            }
        }
        return months;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = VisitReplayTest.class.getResourceAsStream("/visits/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
