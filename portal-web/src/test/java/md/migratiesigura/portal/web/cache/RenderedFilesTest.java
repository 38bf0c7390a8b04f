package md.migratiesigura.portal.web.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import md.migratiesigura.portal.MutableClock;
import org.junit.jupiter.api.Test;

/** Files made once per content version: kept, shared by requests that come together, and let go. */
class RenderedFilesTest {

    private final AtomicLong version = new AtomicLong(1);
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-12T08:00:00Z"));
    private final RenderedFiles<String> files = new RenderedFiles<>(3, version::get, clock);
    private final AtomicInteger made = new AtomicInteger();
    private final Duration minute = Duration.ofMinutes(1);

    private Supplier<byte[]> maker(String text) {
        return () -> {
            made.incrementAndGet();
            return text.getBytes(StandardCharsets.UTF_8);
        };
    }

    @Test
    void aFileIsMadeOnceThenServedUntilTheContentMoves() {
        assertArrayEquals("a".getBytes(StandardCharsets.UTF_8), files.get("a.pdf", minute, maker("a")));
        files.get("a.pdf", minute, maker("a"));
        assertEquals(1, made.get());

        version.incrementAndGet();
        files.get("a.pdf", minute, maker("a"));
        assertEquals(2, made.get(), "made anew for the new content");
    }

    @Test
    void aFileIsMadeAnewOnceItsTimeIsOver() {
        files.get("a.pdf", minute, maker("a"));
        clock.advance(Duration.ofSeconds(59));
        files.get("a.pdf", minute, maker("a"));
        assertEquals(1, made.get());
        clock.advance(Duration.ofSeconds(1));
        files.get("a.pdf", minute, maker("a"));
        assertEquals(2, made.get());
    }

    @Test
    void onlyTheMostRecentlyUsedFilesAreKept() {
        for (String name : List.of("a", "b", "c")) {
            files.get(name, minute, maker(name));
        }
        files.get("a", minute, maker("a"));
        files.get("d", minute, maker("d"));
        assertEquals(3, files.size());
        files.get("a", minute, maker("a"));
        assertEquals(4, made.get(), "a was used recently and stayed");
        files.get("b", minute, maker("b"));
        assertEquals(5, made.get(), "b was the least recently used and left");
    }

    @Test
    void nothingToServeIsKeptLikeAFile() {
        Supplier<byte[]> none = () -> {
            made.incrementAndGet();
            return null;
        };
        assertNull(files.get("figures.csv", minute, none));
        assertNull(files.get("figures.csv", minute, none));
        assertEquals(1, made.get());
    }

    @Test
    void requestsThatComeTogetherShareOneMaking() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Supplier<byte[]> slow = slowly(started, () -> "pdf".getBytes(StandardCharsets.UTF_8));
        List<Future<byte[]>> answers = together(8, () -> files.get("report.pdf", minute, slow), started);
        for (Future<byte[]> answer : answers) {
            assertEquals("pdf", new String(answer.get(), StandardCharsets.UTF_8));
        }
        assertEquals(1, made.get(), "made once for eight readers");
    }

    @Test
    void aFailedMakingReachesEveryoneWhoWaitedAndIsNotKept() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Supplier<byte[]> failing = slowly(started, () -> {
            throw new IllegalStateException("the database is away");
        });
        for (Future<byte[]> answer : together(4, () -> files.get("report.pdf", minute, failing), started)) {
            ExecutionException e = assertThrows(ExecutionException.class, answer::get);
            assertEquals("the database is away", e.getCause().getMessage());
        }
        assertEquals(1, made.get());
        files.get("report.pdf", minute, maker("pdf"));
        assertEquals(2, made.get(), "tried again on the next request");
    }

    @Test
    void aRequestThatSeesNewerContentThanTheMakingUnderWayMakesItsOwn() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<byte[]> old = pool.submit(() -> files.get("report.pdf", minute, () -> {
            made.incrementAndGet();
            started.countDown();
            await(release);
            return "old".getBytes(StandardCharsets.UTF_8);
        }));
        started.await();
        version.incrementAndGet();
        Thread releaser = new Thread(() -> {
            sleep(200);
            release.countDown();
        });
        releaser.start();
        assertEquals("new", new String(files.get("report.pdf", minute, maker("new")), StandardCharsets.UTF_8));
        assertEquals("old", new String(old.get(), StandardCharsets.UTF_8));
        releaser.join();
        pool.shutdown();
        assertEquals("new", new String(files.get("report.pdf", minute, maker("newer")), StandardCharsets.UTF_8),
                "what was made under the old content is not kept");
    }

    /** A making that says it has started, takes 300 ms, then ends as {@code end} does. */
    private Supplier<byte[]> slowly(CountDownLatch started, Supplier<byte[]> end) {
        return () -> {
            made.incrementAndGet();
            started.countDown();
            sleep(300);
            return end.get();
        };
    }

    /** Starts one request, then {@code count - 1} more once the first is making the file. */
    private static List<Future<byte[]>> together(int count, java.util.concurrent.Callable<byte[]> request,
                                                 CountDownLatch started) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        List<Future<byte[]>> answers = new ArrayList<>();
        answers.add(pool.submit(request));
        started.await();
        for (int i = 1; i < count; i++) {
            answers.add(pool.submit(request));
        }
        pool.shutdown();
        return answers;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
