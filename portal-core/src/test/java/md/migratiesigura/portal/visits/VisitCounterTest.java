package md.migratiesigura.portal.visits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import md.migratiesigura.portal.MutableClock;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.persistence.Database;
import md.migratiesigura.portal.persistence.Leases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The counter against a database that goes away and comes back, a full buffer, a lost commit, closing months. */
class VisitCounterTest {

    private static final String READER = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36";
    private static Database database;
    private FlakyDataSource flaky;

    @BeforeAll
    static void openDatabase() throws Exception {
        database = Database.open(TestDatabases.newConfig(Files.createTempDirectory("visit-counter-test")));
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        flaky = new FlakyDataSource(database.dataSource());
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[] {"visit_salts", "visit_visitors", "visit_batches", "visit_daily",
                    "visit_monthly", "visit_breakdown"}) {
                s.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    @Test
    void countsKeptDuringADatabaseOutageArriveWhenItIsBack() throws Exception {
        Instant at = Instant.parse("2025-03-12T08:00:00Z");
        VisitCounter counter = new VisitCounter(flaky, Clock.fixed(at, ZoneOffset.UTC), UserAgents.standard(), 100, 1000);
        flaky.down = true;
        for (int i = 0; i < 3; i++) {
            assertEquals(VisitCounter.Outcome.QUEUED, record(counter, at.plusSeconds(i), "203.0.113." + i));
        }
        assertFalse(counter.flush(), "nothing can be written while the database is down");
        assertEquals(3, counter.state().waiting(), "the counts are kept");
        assertTrue(counter.state().databaseFailing());
        record(counter, at.plusSeconds(10), "203.0.113.50");
        assertFalse(counter.flush());

        flaky.down = false;
        assertTrue(counter.flush());
        assertEquals(new VisitStatistics.Figures(4, 4, 4), statistics(at).month(new Month(2025, 3)));
        assertEquals(0, counter.state().waiting());
        assertEquals(0, counter.dropped());
    }

    @Test
    void anIdleCounterLeavesTheDatabaseAlone() {
        Instant at = Instant.parse("2025-03-12T08:00:00Z");
        VisitCounter counter = new VisitCounter(flaky, Clock.fixed(at, ZoneOffset.UTC), UserAgents.standard(), 100, 1000);
        assertTrue(counter.flush(), "the first flush loads the salts and closes ended months");
        flaky.down = true;
        assertTrue(counter.flush(), "with nothing to write and nothing to close, no connection is asked for");
        record(counter, at, "203.0.113.1");
        assertFalse(counter.flush(), "a pageview to write needs the database");
    }

    @Test
    void aFullBufferDropsAndCountsWhatItDroppedWithoutEverWaiting() {
        Instant at = Instant.parse("2025-03-12T08:00:00Z");
        flaky.down = true;
        VisitCounter counter = new VisitCounter(flaky, Clock.fixed(at, ZoneOffset.UTC), UserAgents.standard(), 5, 1000);
        record(new VisitCounter(flaky, Clock.fixed(at, ZoneOffset.UTC), UserAgents.standard(), 1, 1), at, "192.0.2.1");
        int[] counted = new int[1];
        long elapsed = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            long start = System.nanoTime();
            for (int i = 0; i < 10_000; i++) {
                if (record(counter, at.plusSeconds(i), "198.51.100." + (i % 250)) == VisitCounter.Outcome.QUEUED) {
                    counted[0]++;
                }
            }
            return System.nanoTime() - start;
        }, "a full queue must never make record wait");
        assertEquals(5, counted[0]);
        assertEquals(9_995, counter.dropped(), "the drops are counted");
        assertTrue(elapsed / 10_000 < 200_000, "record returns at once (" + elapsed / 10_000 + " ns a call)");
    }

    @Test
    void aRetriedBatchWhoseCommitWasAppliedIsCountedOnce() throws Exception {
        Instant at = Instant.parse("2025-03-12T08:00:00Z");
        VisitCounter counter = new VisitCounter(flaky, Clock.fixed(at, ZoneOffset.UTC), UserAgents.standard(), 100, 1000);
        record(counter, at, "203.0.113.9");
        record(counter, at.plusSeconds(60), "203.0.113.9");
        flaky.loseNextCommitAcknowledgement = true;
        assertFalse(counter.flush(), "the commit looked failed");
        assertTrue(counter.flush(), "the retry recognises the applied batch");
        assertEquals(new VisitStatistics.Figures(2, 1, 1), statistics(at).month(new Month(2025, 3)));
    }

    @Test
    void closingAMonthDeletesItsSaltAndVisitorsAndKeepsItsCounts() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-31T20:50:00Z")); // 23:50 in Chisinau (EEST)
        VisitCounter counter = new VisitCounter(flaky, clock, UserAgents.standard(), 100, 1000);
        record(counter, clock.instant(), "2001:db8::1");
        assertTrue(counter.flush());
        assertEquals(1, count("SELECT COUNT(*) FROM visit_visitors WHERE year = 2025 AND month = 3"));
        assertEquals(1, count("SELECT COUNT(*) FROM visit_salts WHERE year = 2025 AND month = 3"));

        clock.set(Instant.parse("2025-03-31T21:20:00Z")); // 00:20 on 1 April: March's last visit may still go on
        assertTrue(counter.flush());
        assertEquals(1, count("SELECT COUNT(*) FROM visit_salts WHERE year = 2025 AND month = 3"));

        clock.set(Instant.parse("2025-03-31T21:31:00Z")); // 00:31 on 1 April: March is closed
        assertTrue(counter.flush());
        assertEquals(0, count("SELECT COUNT(*) FROM visit_visitors WHERE year = 2025 AND month = 3"));
        assertEquals(0, count("SELECT COUNT(*) FROM visit_salts WHERE year = 2025 AND month = 3"));
        assertEquals(1, count("SELECT COUNT(*) FROM visit_salts WHERE year = 2025 AND month = 4"), "April's is ready");
        assertEquals(new VisitStatistics.Figures(1, 1, 1), statistics(clock.instant()).month(new Month(2025, 3)));
    }

    @Test
    void withSeveralNodesOnlyTheLeaseHolderClosesMonthsAndAllCountsAddUp() throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM cluster_leases");
        }
        MutableClock clock = new MutableClock(Instant.parse("2025-03-31T20:50:00Z"));
        VisitCounter nodeA = new VisitCounter(flaky, clock, UserAgents.standard(), 100, 1000)
                .closingUnder(new Leases(database.dataSource()));
        VisitCounter nodeB = new VisitCounter(flaky, clock, UserAgents.standard(), 100, 1000)
                .closingUnder(new Leases(database.dataSource()));
        record(nodeA, clock.instant(), "203.0.113.1");
        record(nodeB, clock.instant(), "203.0.113.2");
        record(nodeB, clock.instant(), "203.0.113.1"); // the same reader, sent to the other node: the same visit
        assertTrue(nodeA.flush(), "node A takes the closing lease");
        assertTrue(nodeB.flush());
        assertEquals(new VisitStatistics.Figures(3, 2, 2), statistics(clock.instant()).month(new Month(2025, 3)));

        clock.set(Instant.parse("2025-03-31T21:31:00Z")); // March is over
        assertTrue(nodeB.flush());
        assertEquals(1, count("SELECT COUNT(*) FROM visit_salts WHERE year = 2025 AND month = 3"),
                "node B does not hold the lease: it leaves the closing to node A");
        assertTrue(nodeA.flush());
        assertEquals(0, count("SELECT COUNT(*) FROM visit_salts WHERE year = 2025 AND month = 3"));
        assertEquals(0, count("SELECT COUNT(*) FROM visit_visitors WHERE year = 2025 AND month = 3"));
        assertEquals(new VisitStatistics.Figures(3, 2, 2), statistics(clock.instant()).month(new Month(2025, 3)));
    }

    @Test
    void aVisitorOfTwoMonthsIsTwoVisitorsButOneDayBoundaryKeepsTheVisit() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-31T21:50:00Z")); // 23:50, 31 January (EET)
        VisitCounter counter = new VisitCounter(flaky, clock, UserAgents.standard(), 100, 1000);
        record(counter, clock.instant(), "203.0.113.77");
        record(counter, Instant.parse("2025-01-31T22:10:00Z"), "203.0.113.77"); // 00:10, 1 February
        assertTrue(counter.flush());
        VisitStatistics stats = statistics(clock.instant());
        assertEquals(new VisitStatistics.Figures(1, 1, 1), stats.month(new Month(2025, 1)));
        assertEquals(new VisitStatistics.Figures(1, 1, 1), stats.month(new Month(2025, 2)));
    }

    @Test
    void pagesRecordedFromManyThreadsWhileRunningAreAllSavedByClose() throws Exception {
        Instant at = Instant.parse("2025-03-12T08:00:00Z");
        VisitCounter counter = new VisitCounter(flaky, Clock.fixed(at, ZoneOffset.UTC), UserAgents.standard(), 100_000,
                100_000).start(Duration.ofMillis(200));
        int threads = 4;
        int each = 5_000;
        Thread[] readers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            readers[t] = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    counter.record(at.plusMillis(i), "198.51.100." + thread, READER, "/ro/articole/" + (i % 7),
                            Language.RO, null, "localhost");
                    if (i % 1000 == 0) {
                        counter.record(at, "198.51.100.200", "Googlebot/2.1", "/ro/", Language.RO, null, "localhost");
                    }
                }
            });
            readers[t].start();
        }
        for (Thread reader : readers) {
            reader.join();
        }
        counter.close(); // what SIGTERM does: the queue is digested and written before the portal stops
        assertEquals(0, counter.dropped());
        assertEquals(threads * 5, counter.bots(), "bots are told apart off the request thread, and left out");
        assertEquals(0, counter.state().waiting());
        VisitStatistics.Figures month = statistics(at).month(new Month(2025, 3));
        assertEquals(threads * each, month.pageviews(), "every pageview recorded before close is saved");
        assertEquals(threads, month.visitors());
    }

    @Test
    void aReaderBehindATrustedProxyIsResolvedOffTheRequestThread() throws Exception {
        Instant at = Instant.parse("2025-03-12T08:00:00Z");
        VisitCounter counter = new VisitCounter(flaky, Clock.fixed(at, ZoneOffset.UTC), UserAgents.standard(), 100, 1000);
        VisitSource proxy = new VisitSource() {
            @Override
            public String clientAddress(String remoteAddress, String forwardedFor) {
                return forwardedFor == null ? remoteAddress : forwardedFor.strip();
            }

            @Override
            public String ownHost() {
                return "localhost";
            }
        };
        for (String reader : new String[] {"203.0.113.1", "203.0.113.2", "203.0.113.1"}) {
            assertEquals(VisitCounter.Outcome.QUEUED,
                    counter.record(at.toEpochMilli(), "127.0.0.1", reader, READER, "/ro/", Language.RO, null, proxy));
        }
        assertTrue(counter.flush());
        assertEquals(new VisitStatistics.Figures(3, 2, 2), statistics(at).month(new Month(2025, 3)),
                "two readers behind one proxy: two visitors, not one");
    }

    private VisitCounter.Outcome record(VisitCounter counter, Instant at, String address) {
        return counter.record(at, address, READER, "/ro/", Language.RO, null, "localhost");
    }

    private VisitStatistics statistics(Instant now) {
        return new VisitStatistics(database.dataSource(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
