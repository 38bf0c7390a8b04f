package md.migratiesigura.portal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import md.migratiesigura.portal.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitConflictsTest {

    @TempDir
    Path dataDir;

    @Test
    void aTransactionRefusedForAConflictRunsAgainAndOthersFailAtOnce() {
        AtomicInteger tries = new AtomicInteger();
        // What Galera's certification failure looks like through Hibernate: a wrapped 1213 / 40001.
        String result = CommitConflicts.retry(() -> {
            if (tries.incrementAndGet() < 3) {
                throw new IllegalStateException("commit failed", new SQLTransactionRollbackException(
                        "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
            }
            return "stored";
        });
        assertEquals("stored", result);
        assertEquals(3, tries.get());

        AtomicInteger other = new AtomicInteger();
        RuntimeException notAConflict = new IllegalStateException("duplicate", new SQLException("Duplicate entry", "23000", 1062));
        assertSame(notAConflict, assertThrows(IllegalStateException.class, () -> CommitConflicts.retry(() -> {
            other.incrementAndGet();
            throw notAConflict;
        })));
        assertEquals(1, other.get(), "anything else is not tried again");

        AtomicInteger always = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> CommitConflicts.retry(() -> {
            always.incrementAndGet();
            throw new IllegalStateException(new SQLTransactionRollbackException("deadlock", "40001", 1213));
        }));
        assertEquals(CommitConflicts.ATTEMPTS, always.get(), "a conflict that persists is given up after the last try");
    }

    @Test
    void aRealDeadlockIsRecognisedAndTheLoserSucceedsOnRetry() throws Exception {
        // Two transactions locking two rows in opposite orders: the database kills one with 1213, which then
        // succeeds when run again, and both increments are there.
        try (Database database = Database.open(TestDatabases.newConfig(dataDir))) {
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE pair (id INT PRIMARY KEY, n INT NOT NULL) ENGINE=InnoDB");
                s.execute("INSERT INTO pair VALUES (1, 0), (2, 0)");
            }
            CountDownLatch bothFirst = new CountDownLatch(2);
            AtomicInteger runs = new AtomicInteger();
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                Future<?> a = two.submit(() -> CommitConflicts.retry(() -> increment(database, 1, 2, bothFirst, runs)));
                Future<?> b = two.submit(() -> CommitConflicts.retry(() -> increment(database, 2, 1, bothFirst, runs)));
                a.get();
                b.get();
            } finally {
                two.shutdownNow();
            }
            assertTrue(runs.get() >= 3, "one of them ran again: " + runs.get());
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT SUM(n) FROM pair")) {
                assertTrue(rs.next());
                assertEquals(4, rs.getInt(1), "both transactions are there, once each");
            }
        }
        assertFalse(CommitConflicts.isConflict(new RuntimeException("no cause")));
    }

    private static void increment(Database database, int first, int second, CountDownLatch bothFirst,
                                  AtomicInteger runs) {
        runs.incrementAndGet();
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("UPDATE pair SET n = n + 1 WHERE id = " + first);
                bothFirst.countDown();
                bothFirst.await(); // both hold their first row before asking for the second (first run only)
                s.execute("UPDATE pair SET n = n + 1 WHERE id = " + second);
                c.commit();
            } catch (SQLException | InterruptedException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
