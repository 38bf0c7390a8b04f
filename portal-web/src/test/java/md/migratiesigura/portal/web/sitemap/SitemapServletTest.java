package md.migratiesigura.portal.web.sitemap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import md.migratiesigura.portal.MutableClock;
import md.migratiesigura.portal.web.TestPortal;
import md.migratiesigura.portal.web.common.PublicUrls;
import org.apache.wicket.protocol.http.mock.MockHttpServletRequest;
import org.apache.wicket.protocol.http.mock.MockHttpServletResponse;
import org.apache.wicket.protocol.http.mock.MockServletContext;
import org.junit.jupiter.api.Test;

/** The sitemap is written once per content version, and again once its time is over. */
class SitemapServletTest {

    private final AtomicLong version = new AtomicLong(1);
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-12T08:00:00Z"));
    private final SitemapServlet sitemap = new SitemapServlet(TestPortal.services().articles(),
            TestPortal.services().pages(), TestPortal.services().events(), new PublicUrls("https://migratiesigura.md"), version::get, clock);
    private final MockServletContext context = new MockServletContext(null, null);

    @Test
    void twoRequestsWriteItOnceAndAPublicationWritesItAnew() throws Exception {
        byte[] first = get();
        byte[] second = get();
        assertEquals(1, sitemap.writings.get(), "written once for two crawlers");
        assertArrayEquals(first, second);
        assertTrue(new String(first, StandardCharsets.UTF_8).contains("<loc>https://migratiesigura.md/ro/</loc>"));

        version.incrementAndGet(); // what every publication does
        get();
        assertEquals(2, sitemap.writings.get(), "written anew for the new content");

        clock.advance(SitemapServlet.KEPT.minus(Duration.ofSeconds(1)));
        get();
        assertEquals(2, sitemap.writings.get());
        clock.advance(Duration.ofSeconds(1));
        get();
        assertEquals(3, sitemap.writings.get(), "an article scheduled for the hour appears within the time kept");
    }

    private byte[] get() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(null, null, context);
        request.setMethod("GET");
        request.setURL("/sitemap.xml");
        MockHttpServletResponse response = new MockHttpServletResponse(request);
        sitemap.service(request, response);
        assertEquals(200, response.getStatus());
        assertEquals("public, max-age=300", response.getHeader("Cache-Control"));
        return response.getBinaryContent();
    }
}
