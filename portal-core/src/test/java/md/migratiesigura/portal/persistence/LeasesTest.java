package md.migratiesigura.portal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import md.migratiesigura.portal.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two {@link Leases} with different node ids on one real database stand for two portal nodes. */
class LeasesTest {

    @TempDir
    static Path dataDir;
    static Database database;

    @BeforeAll
    static void open() {
        database = Database.open(TestDatabases.newConfig(dataDir));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static Leases node(String id) {
        return new Leases(database.dataSource(), id);
    }

    @Test
    void onlyTheHolderRunsTheJobAndKeepsItByRenewing() {
        Leases a = node("node-a");
        Leases b = node("node-b");
        List<String> runs = new ArrayList<>();
        Duration ttl = Duration.ofSeconds(30);
        for (int round = 0; round < 5; round++) {
            a.tryRun("publishing", ttl, () -> runs.add("a"));
            b.tryRun("publishing", ttl, () -> runs.add("b"));
        }
        assertEquals(List.of("a", "a", "a", "a", "a"), runs, "the first node holds the lease, the second never runs");
        assertTrue(node("node-b").tryRun("other-job", ttl, () -> { }), "a lease of another name is independent");
    }

    @Test
    void anotherNodeTakesOverOnceTheLeaseHasExpired() throws Exception {
        Leases a = node("node-a");
        Leases b = node("node-b");
        Duration ttl = Duration.ofMillis(400);
        assertTrue(a.hold("closing", ttl));
        assertFalse(b.hold("closing", ttl), "not while the lease runs");
        Thread.sleep(600);
        assertTrue(b.hold("closing", Duration.ofSeconds(30)), "node A stopped renewing: node B takes over");
        assertFalse(a.hold("closing", ttl), "and node A, back, does not run the job beside it");
    }

    @Test
    void aReleasedLeaseIsFreeAtOnce() {
        Leases a = node("node-a");
        Leases b = node("node-b");
        assertTrue(a.hold("cleanup", Duration.ofMinutes(5)));
        b.release("cleanup");
        assertFalse(b.hold("cleanup", Duration.ofMinutes(5)), "a node cannot release another's lease");
        a.release("cleanup");
        assertTrue(b.hold("cleanup", Duration.ofMinutes(5)));
    }

    @Test
    void nodesRacingForTheSameLeaseNeverRunTogether() throws Exception {
        int nodes = 4;
        int rounds = 40;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<String> runners = new CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                Leases leases = node("racer-" + n);
                done.add(pool.submit(() -> {
                    go.await();
                    for (int r = 0; r < rounds; r++) {
                        leases.tryRun("race", Duration.ofSeconds(30), () -> {
                            if (running.incrementAndGet() > 1) {
                                overlaps.incrementAndGet();
                            }
                            runners.add(leases.holder());
                            running.decrementAndGet();
                        });
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(0, overlaps.get());
        assertEquals(rounds, runners.size(), "the node that took the lease first ran every round, no other did");
        assertEquals(1, runners.stream().distinct().count(), "one node: " + runners.stream().distinct().toList());
    }

    @Test
    void anExclusiveSectionWaitsForTheOtherNodeToLeaveIt() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Long> entered;
            long released;
            try (Leases.Held first = Leases.exclusively(database.dataSource(), "startup-test", Duration.ofSeconds(10))) {
                entered = other.submit(() -> {
                    try (Leases.Held second = Leases.exclusively(database.dataSource(), "startup-test",
                            Duration.ofSeconds(10))) {
                        return System.nanoTime();
                    }
                });
                Thread.sleep(500);
                assertFalse(entered.isDone(), "the second node waits");
                released = System.nanoTime();
            }
            assertTrue(entered.get() >= released, "and goes in once the first has left");
        } finally {
            other.shutdown();
        }
    }

    @Test
    void everyProcessGetsItsOwnNodeId() {
        assertFalse(new Leases(database.dataSource()).holder().equals(new Leases(database.dataSource()).holder()));
        assertTrue(new Leases(database.dataSource()).holder().length() <= 100);
    }
}
