package md.migratiesigura.portal.web.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    @Test
    void aThousandSpellingsOfOneAddressLeaveOneEntryAndTheRealPagesStayCached() throws Exception {
        // Room for twenty pages: before, each spelling took an entry and a rendering, and pushed real pages out.
        PageCache small = new PageCache(20 * 1024, 1 << 16, Duration.ofSeconds(30), () -> 1L, new MutableClock(Instant.parse("2025-03-12T08:00:00Z")));
        PageCacheFilter filter = new PageCacheFilter(small);
        AtomicInteger renders = new AtomicInteger();
        FilterChain page = (request, response) -> {
            renders.incrementAndGet();
            PageCacheFilter.markCacheable((HttpServletRequest) request);
            response.setContentType("text/html;charset=utf-8");
            response.getOutputStream().write(new byte[1000]);
        };
        List<String> real = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            real.add("/ro/articole/pagina-" + i);
            assertEquals(200, get(filter, real.get(i), page).getStatus());
        }
        assertEquals(200, get(filter, "/ro/articole/contract", page).getStatus());
        int rendersBefore = renders.get();

        List<String> spellings = spellings("/ro/articole/", "contract", 1000);
        int redirected = 0;
        for (String spelling : spellings) {
            MockHttpServletResponse response = get(filter, spelling, page);
            if (response.getStatus() == 301) {
                redirected++;
                String location = response.getHeader("Location");
                assertEquals("/ro/articole/contract", location.replaceFirst("\\?.*", ""), spelling);
            }
        }

        assertEquals(11, small.size(), "the ten real pages and the one address, once");
        for (String path : real) {
            assertTrue(small.get(path).isPresent(), path + " is still cached");
        }
        assertTrue(small.get("/ro/articole/contract").isPresent());
        assertEquals(1000 - queries(spellings), redirected, "every other spelling of the path is sent to its address");
        assertEquals(rendersBefore + queries(spellings), renders.get(),
                "only addresses with a real query are rendered, and never kept");
    }

    @Test
    void anEscapeThatIsNotAnUnreservedCharacterStaysEscapedInUpperCase() {
        assertEquals("/ro/articole/contract", PageCacheFilter.canonicalPath("/ro/articole/%63on%74ract"));
        assertEquals("/ro/articole/a%2Fb", PageCacheFilter.canonicalPath("/ro/articole/a%2fb"));
        assertEquals("/ro/articole/%C8%99i", PageCacheFilter.canonicalPath("/ro/articole/%c8%99%69"));
        assertEquals("/ro/articole/a%2Eb", PageCacheFilter.canonicalPath("/ro/articole/a%2eb"), "no dot segments made");
        assertEquals("/ro/articole/a-b_c~d", PageCacheFilter.canonicalPath("/ro/articole/a%2Db%5fc%7ed"));
        assertEquals(null, PageCacheFilter.canonicalPath("/ro/articole/a%2"));
        assertEquals(null, PageCacheFilter.canonicalPath("/ro/articole/a%zz"));
    }

    /**
     * {@code count} other spellings of one address: letters of {@code name} escaped in turn, in lower or upper case
     * hex, with a needless {@code ?}, and with query strings no page reads, repeated or reordered.
     */
    private static List<String> spellings(String prefix, String name, int count) {
        String[] suffixes = {"", "?", "?utm_source=x", "?a=1&a=1", "?b=2&a=1"};
        Set<String> spellings = new LinkedHashSet<>();
        for (int mask = 0; spellings.size() < count; mask++) {
            for (String suffix : suffixes) {
                StringBuilder path = new StringBuilder(prefix);
                for (int i = 0; i < name.length(); i++) {
                    String hex = Integer.toHexString(name.charAt(i));
                    boolean escaped = (mask >> i & 1) == 1;
                    boolean upper = (mask >> name.length() & 1) == 1;
                    path.append(escaped ? "%" + (upper ? hex.toUpperCase(Locale.ROOT) : hex) : name.charAt(i));
                }
                String spelling = path + suffix;
                if (!spelling.equals(prefix + name) && spellings.size() < count) {
                    spellings.add(spelling);
                }
            }
        }
        return new ArrayList<>(spellings);
    }

    private static int queries(List<String> spellings) {
        return (int) spellings.stream().filter(s -> s.contains("?") && !s.endsWith("?")
                && !s.substring(0, s.indexOf('?')).contains("%")).count();
    }

    /** An anonymous GET of {@code address} exactly as a client spelled it. */
    private MockHttpServletResponse get(PageCacheFilter filter, String address, FilterChain chain) throws Exception {
        int question = address.indexOf('?');
        String path = question < 0 ? address : address.substring(0, question);
        String query = question < 0 ? null : address.substring(question + 1);
        MockHttpServletRequest request = new MockHttpServletRequest(null, null, context) {
            @Override
            public String getRequestedSessionId() {
                return null;
            }

            @Override
            public String getRequestURI() {
                return path;
            }

            @Override
            public String getQueryString() {
                return query;
            }
        };
        request.setMethod("GET");
        MockHttpServletResponse response = new MockHttpServletResponse(request);
        filter.doFilter(request, response, chain);
        return response;
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
