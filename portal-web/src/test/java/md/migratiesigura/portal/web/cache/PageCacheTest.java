package md.migratiesigura.portal.web.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import md.migratiesigura.portal.MutableClock;
import org.junit.jupiter.api.Test;

/** What the page cache keeps, and what makes it let go. */
class PageCacheTest {

    private final AtomicLong version = new AtomicLong(1);
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-12T08:00:00Z"));
    /** What a page of 40 bytes takes in the cache: its bytes and the same gzipped and Zstandard-compressed. */
    private static final int ENTRY = 40 + Gzip.compress(new byte[40]).length + Zstandard.compress(new byte[40]).length;
    /** Room for two such pages, not three. */
    private final PageCache cache = new PageCache(ENTRY * 5 / 2, 60, Duration.ofSeconds(30), version::get, clock);
    private static final List<Map.Entry<String, String>> HTML = List.of(Map.entry("Content-Type", "text/html"));

    @Test
    void aPageIsServedAgainUntilTheContentMoves() {
        cache.put("/ro/", 200, HTML, new byte[10], cache.version());
        assertTrue(cache.get("/ro/").isPresent());
        version.incrementAndGet();
        assertFalse(cache.get("/ro/").isPresent(), "published content changed");
        assertEquals(0, cache.size());
    }

    @Test
    void aPageRenderedWhileTheContentMovedIsNotKept() {
        long renderedUnder = cache.version();
        version.incrementAndGet();
        cache.put("/ro/", 200, HTML, new byte[10], renderedUnder);
        assertFalse(cache.get("/ro/").isPresent());
    }

    @Test
    void aPageLeavesAfterItsTimeToLive() {
        cache.put("/ro/", 200, HTML, new byte[10], cache.version());
        clock.set(clock.instant().plus(Duration.ofSeconds(29)));
        assertTrue(cache.get("/ro/").isPresent());
        clock.set(clock.instant().plus(Duration.ofSeconds(1)));
        assertFalse(cache.get("/ro/").isPresent());
    }

    @Test
    void theLeastRecentlyUsedLeaveFirstWhenTheSizeLimitIsReached() {
        cache.put("/a", 200, HTML, new byte[40], cache.version());
        cache.put("/b", 200, HTML, new byte[40], cache.version());
        cache.get("/a");
        cache.put("/c", 200, HTML, new byte[40], cache.version());
        assertTrue(cache.get("/a").isPresent());
        assertFalse(cache.get("/b").isPresent());
        assertTrue(cache.get("/c").isPresent());
    }

    @Test
    void aPageIsKeptGzippedToo() throws IOException {
        byte[] page = "<p>Linia fierbinte 0 800 77777</p>".repeat(20).getBytes(StandardCharsets.UTF_8);
        PageCache roomy = new PageCache(10_000, 5_000, Duration.ofSeconds(30), version::get, clock);
        roomy.put("/ro/", 200, HTML, page, roomy.version());
        byte[] gzipped = roomy.get("/ro/").orElseThrow().gzipped();
        assertTrue(gzipped.length < page.length / 4);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            assertArrayEquals(page, in.readAllBytes());
        }
    }

    @Test
    void aPageLargerThanTheLimitIsNotKept() {
        cache.put("/big", 200, HTML, new byte[61], cache.version());
        assertFalse(cache.get("/big").isPresent());
    }
}
