package md.migratiesigura.portal.web.cache;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import md.migratiesigura.portal.web.security.SecurityHeadersFilter;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.http.pathmap.PathSpecSet;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The page cache's fast path: a page the {@link PageCacheFilter} kept is answered here, in front of the gzip handler,
 * the size limits, the session handler and the servlet filters, with the very status, headers (in the same order)
 * and bytes the filter would send, and counted as a pageview exactly as the visit-counting filter counts it. On a
 * 30 KB page that walk through the servlet stack cost about as much CPU as sending the page: readers' pages are
 * nearly all cache hits, so they now cost little more than a static file.
 * <p>
 * Only the plainest request is answered here: a {@code GET} without a query, without a body, without any cookie (so
 * no staff session), on a path under a language that no filter of its own covers ({@code excluded}: pages kept from
 * any cache or from compression), spelled canonically and without escapes, whose page is in the cache now. An
 * {@code Accept-Encoding} that allows neither of the cached codings goes the usual way too, so that the gzip handler
 * alone decides about it. Everything else (misses, the back office, other spellings and their 301s) goes through
 * the servlet stack untouched.
 * <p>
 * The headers of a page are worked out once per kept page and coding, as pre-encoded fields, by applying the same
 * steps in the same order as the servlet stack does: the gzip handler's {@code Vary}, {@link SecurityHeadersFilter},
 * then the page's own headers as {@link PageCacheFilter} replays them. {@code CachedPageHandlerTest} compares both
 * ways byte for byte.
 */
public final class CachedPageHandler extends Handler.Wrapper {

    /** Counts a pageview from what the visit-counting filter reads of an exchange (its {@code count}). */
    @FunctionalInterface
    public interface Pageviews {
        void count(String method, int status, String contentType, String path, String remoteAddress,
                   UnaryOperator<String> header);
    }

    private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
    private static final String[] CODINGS = {null, PageCache.GZIP, PageCache.ZSTD};

    private final PageCache cache;
    private final PathSpecSet covered = new PathSpecSet();
    private final PathSpecSet excluded = new PathSpecSet();
    private final Pageviews pageviews;

    /**
     * @param covered   the paths the page cache filter is mapped to (servlet path specs)
     * @param excluded  paths among those where other filters change the answer (no-store, no compression)
     * @param pageviews how a page served here is counted; a no-op when counting is off
     */
    public CachedPageHandler(Handler next, PageCache cache, List<String> covered, List<String> excluded,
                             Pageviews pageviews) {
        super(next);
        this.cache = cache;
        this.covered.addAll(covered);
        this.excluded.addAll(excluded);
        this.pageviews = pageviews;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Optional<PageCache.Page> hit = hit(request);
        if (hit.isEmpty()) {
            return super.handle(request, response, callback);
        }
        PageCache.Page page = hit.get();
        HttpFields headers = request.getHeaders();
        String coding = page.codingFor(headers.get(HttpHeader.ACCEPT_ENCODING));
        if (coding == null && headers.contains(HttpHeader.ACCEPT_ENCODING)) {
            // Neither cached coding is accepted: whether to compress is the gzip handler's call, as before.
            return super.handle(request, response, callback);
        }
        Answer answer = answer(page, request.isSecure(), coding);
        response.setStatus(page.status());
        HttpFields.Mutable out = response.getHeaders();
        for (HttpField field : answer.fields()) {
            out.add(field);
        }
        // Counted before the bytes leave (the filter counts after, once it knows the status; here it is known): the
        // same offer to the counter, and a client that has its page has been counted.
        pageviews.count(request.getMethod(), page.status(), answer.contentType(), request.getHttpURI().getPath(),
                Request.getRemoteAddr(request), headers::get);
        response.write(true, ByteBuffer.wrap(page.in(coding)), callback);
        return true;
    }

    /** The cached page for this request when it may be answered here; empty when the servlet stack must answer. */
    private Optional<PageCache.Page> hit(Request request) {
        if (!"GET".equals(request.getMethod()) || request.getHttpURI().getQuery() != null) {
            return Optional.empty();
        }
        HttpFields headers = request.getHeaders();
        // A cookie may be a staff session; a body is for the size limits to judge.
        if (headers.contains(HttpHeader.COOKIE) || headers.contains(HttpHeader.CONTENT_LENGTH)
                || headers.contains(HttpHeader.TRANSFER_ENCODING)) {
            return Optional.empty();
        }
        String path = request.getHttpURI().getPath();
        // No escapes and no path parameters: the path is then as the servlet filters' mappings see it, and canonical.
        if (path == null || path.indexOf('%') >= 0 || path.indexOf(';') >= 0 || !covered.test(path)
                || excluded.test(path) || !path.equals(PageCacheFilter.canonicalPath(path))) {
            return Optional.empty();
        }
        return cache.get(path);
    }

    private static Answer answer(PageCache.Page page, boolean secure, String coding) {
        Answer[][] answers = page.answers().get();
        if (answers == null) {
            // All six at once, a few microseconds once per kept page; two threads may both do it, to the same end.
            answers = new Answer[2][CODINGS.length];
            for (int scheme = 0; scheme < 2; scheme++) {
                for (int i = 0; i < CODINGS.length; i++) {
                    // No Zstandard bytes where its library is missing: that coding is then never chosen.
                    answers[scheme][i] = page.in(CODINGS[i]) == null ? null : prepare(page, scheme == 1, CODINGS[i]);
                }
            }
            page.answers().set(answers);
        }
        return answers[secure ? 1 : 0][coding == null ? 0 : PageCache.GZIP.equals(coding) ? 1 : 2];
    }

    /**
     * The headers of a page in one coding, built by the servlet stack's steps in its order: the gzip handler's
     * {@code Vary} first, then the security headers, then the page's own as the filter replays them (a header's
     * first value replaces one of that name, later values are added), then its coding and length.
     */
    static Answer prepare(PageCache.Page page, boolean secure, String coding) {
        HttpFields.Mutable fields = HttpFields.build();
        fields.put(VARY);
        SecurityHeadersFilter.apply(secure, fields::contains, fields::put);
        PageCacheFilter.replayHeaders(page, fields::put, fields::add);
        String contentType = page.headers().stream().filter(h -> "Content-Type".equalsIgnoreCase(h.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        fields.put(VARY);
        if (coding != null) {
            fields.put(HttpHeader.CONTENT_ENCODING, coding);
        }
        fields.put(HttpHeader.CONTENT_LENGTH, Integer.toString(page.in(coding).length));
        List<HttpField> encoded = new ArrayList<>(fields.size());
        for (HttpField field : fields) {
            // Encoded once: the bytes of each header are then copied, not built, on every answer.
            encoded.add(field.getHeader() == null ? new PreEncodedHttpField(field.getName(), field.getValue())
                    : new PreEncodedHttpField(field.getHeader(), field.getName(), field.getValue()));
        }
        return new Answer(List.copyOf(encoded), contentType);
    }

    /**
     * A page's headers in one coding, and its content type (for counting); kept with the page by scheme (http,
     * https), then coding (plain, gzip, zstd).
     */
    record Answer(List<HttpField> fields, String contentType) {
    }
}
