package md.migratiesigura.portal.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import md.migratiesigura.portal.MutableClock;
import md.migratiesigura.portal.Parallel;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.consultation.FormStamps;
import md.migratiesigura.portal.consultation.RateLimit;
import md.migratiesigura.portal.persistence.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The throttles' counts in the database, as two portal nodes share them: a burst spread over both nodes is let
 * through only up to the allowance, the counts expire, and no address is stored.
 */
class DatabaseThrottleStoreTest {

    @TempDir
    static Path dataDir;
    private static Database nodeA;
    private static Database nodeB;

    @BeforeAll
    static void open() {
        var config = TestDatabases.newConfig(dataDir);
        nodeA = Database.open(config);
        nodeB = Database.open(config);
    }

    @AfterAll
    static void close() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void aBurstSpreadOverTwoNodesIsLetThroughOnlyUpToTheLimit() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));
        RateLimit onA = new RateLimit("burst", 5, Duration.ofMinutes(15), clock, new DatabaseThrottleStore(nodeA.dataSource(), clock));
        RateLimit onB = new RateLimit("burst", 5, Duration.ofMinutes(15), clock, new DatabaseThrottleStore(nodeB.dataSource(), clock));

        List<Duration> waits = Parallel.run(50, 10, i -> (i % 2 == 0 ? onA : onB).acquire("198.51.100.23"));

        assertEquals(5, waits.stream().filter(Duration::isZero).count(), "the allowance of one node, not of two");
        assertEquals(45, waits.stream().filter(w -> w.equals(Duration.ofMinutes(15))).count(), "the others wait");
        onB.giveBack("198.51.100.23");
        assertEquals(Duration.ZERO, onA.acquire("198.51.100.23"), "an event given back on one node frees it on the other");
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertEquals(Duration.ZERO, onB.acquire("198.51.100.23"), "the window passed");
    }

    @Test
    void theSameConsultationFormSentToTwoNodesAtOncePassesOnce() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));
        FormStamps onA = new FormStamps(new byte[32], Duration.ZERO, clock, new DatabaseThrottleStore(nodeA.dataSource(), clock));
        FormStamps onB = new FormStamps(new byte[32], Duration.ZERO, clock, new DatabaseThrottleStore(nodeB.dataSource(), clock));
        String stamp = onA.issue();

        List<FormStamps.Verdict> verdicts = Parallel.run(20, 10, i -> (i % 2 == 0 ? onA : onB).claim(stamp));

        assertEquals(1, verdicts.stream().filter(v -> v == FormStamps.Verdict.OK).count());
        assertEquals(19, verdicts.stream().filter(v -> v == FormStamps.Verdict.USED).count());
        onB.release(stamp);
        assertEquals(FormStamps.Verdict.OK, onA.claim(stamp), "released on one node, good again on the other");
    }

    @Test
    void keysAreStoredOnlyAsKeyedHashesAndExpiredRowsAreForgotten() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));
        DatabaseThrottleStore store = new DatabaseThrottleStore(nodeA.dataSource(), clock);
        String address = "203.0.113.77";
        RateLimit limit = new RateLimit("privacy", 3, Duration.ofMinutes(10), clock, store);
        limit.acquire(address);
        limit.acquire("editor@example.org|" + address);

        try (Connection c = nodeA.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT key_hash, state FROM throttle_counts")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                assertEquals(32, rs.getBytes(1).length, "an HMAC-SHA256");
                assertFalse(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1).contains(address));
                assertFalse(rs.getString(2).contains("203.0.113") || rs.getString(2).contains("@"), rs.getString(2));
            }
            assertTrue(rows >= 2);
        }
        // The same secret on both nodes: node B finds node A's count.
        assertEquals(Duration.ZERO, new RateLimit("privacy", 2, Duration.ofMinutes(10), clock,
                new DatabaseThrottleStore(nodeB.dataSource(), clock)).acquire(address));
        assertFalse(new RateLimit("privacy", 2, Duration.ofMinutes(10), clock,
                new DatabaseThrottleStore(nodeB.dataSource(), clock)).acquire(address).isZero());

        clock.advance(Duration.ofMinutes(11));
        store.forgetExpired();
        try (Connection c = nodeA.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM throttle_counts WHERE expires_at < ?")) {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            ResultSet rs = s.executeQuery();
            rs.next();
            assertEquals(0, rs.getLong(1), "expired rows deleted");
        }
    }
}
