package md.migratiesigura.portal.web.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import md.migratiesigura.portal.MutableClock;
import org.apache.wicket.protocol.http.mock.MockHttpServletRequest;
import org.apache.wicket.protocol.http.mock.MockHttpServletResponse;
import org.apache.wicket.protocol.http.mock.MockServletContext;
import org.junit.jupiter.api.Test;

/** A burst of requests for one page: rendered once, the others wait for it; pages that are never kept never wait. */
class PageCacheFilterTest {

    private final PageCache cache = new PageCache(1 << 20, 1 << 16, Duration.ofSeconds(30), () -> 1L,
            new MutableClock(Instant.parse("2025-03-12T08:00:00Z")));
    private final PageCacheFilter filter = new PageCacheFilter(cache);
    private final MockServletContext context = new MockServletContext(null, null);

    @Test
    void aBurstForOnePageRendersItOnce() throws Exception {
        AtomicInteger renders = new AtomicInteger();
        List<String> bodies = burst(8, (request, response) -> {
            renders.incrementAndGet();
            PageCacheFilter.markCacheable((HttpServletRequest) request);
            slowPage((HttpServletResponse) response);
        });
        assertEquals(1, renders.get(), "rendered once for eight readers");
        bodies.forEach(body -> assertEquals("<p>pagina</p>", body));
    }

    @Test
    void pagesThatAreNeverKeptAreRenderedForEachRequestWithoutWaiting() throws Exception {
        AtomicInteger renders = new AtomicInteger();
        FilterChain uncacheable = (request, response) -> {
            renders.incrementAndGet();
            slowPage((HttpServletResponse) response);
        };
        burst(1, uncacheable);
        long started = System.nanoTime();
        burst(6, uncacheable);
        assertEquals(7, renders.get());
        long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
        // Six at once, each 150 ms: together, not one after another (which would take 900 ms or more).
        assertEquals(true, ms < 800, "rendered side by side, took " + ms + " ms");
    }

    private List<String> burst(int readers, FilterChain chain) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            answers.add(pool.submit(() -> {
                MockHttpServletRequest request = new MockHttpServletRequest(null, null, context) {
                    @Override
                    public String getRequestedSessionId() {
                        return null; // an anonymous reader
                    }
                };
                request.setMethod("GET");
                request.setURL("/ro/pagina");
                MockHttpServletResponse response = new MockHttpServletResponse(request);
                start.await();
                filter.doFilter(request, response, chain);
                return new String(response.getBinaryContent(), StandardCharsets.UTF_8);
            }));
        }
        start.countDown();
        List<String> bodies = new ArrayList<>();
        for (Future<String> answer : answers) {
            bodies.add(answer.get());
        }
        pool.shutdown();
        return bodies;
    }

    private static void slowPage(HttpServletResponse response) throws java.io.IOException {
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        response.setStatus(200);
        response.setContentType("text/html;charset=utf-8");
        response.getWriter().write("<p>pagina</p>");
    }
}
