package md.migratiesigura.portal.web.cache;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Serves public pages that anonymous visitors ask for again from the {@link PageCache}, and fills it. Only a plain
 * {@code GET} without a query string and without a session qualifies, and only a page that declared itself cacheable
 * while rendering (see {@link #markCacheable}), answered 200 without setting a cookie, is kept. Editors, who have a
 * session, always see pages rendered for them.
 * <p>
 * Entries are keyed by the canonical spelling of an address only: an anonymous {@code GET} spelled otherwise
 * ({@code /ro/articole/%63ontract}, lower-case hex, a needless {@code ?}) is sent there with a 301, before any
 * rendering, so that a flood of spellings of one page neither renders it again nor pushes real pages out. An address
 * with a query is rendered for its request and never kept, whatever its parameters.
 * <p>
 * A kept page is also kept gzipped, compressed once: a browser that accepts gzip gets those bytes, the others the
 * plain ones, each with {@code Vary: Accept-Encoding}.
 * <p>
 * A cached page cannot carry a per-response nonce, so cacheable pages get Wicket's policy with {@code 'self'} where
 * the nonce was: they have no inline script or style (a test checks), and their scripts and styles come from this
 * origin only.
 */
public class PageCacheFilter implements Filter {

    private static final String CACHEABLE = PageCacheFilter.class.getName() + ".cacheable";
    private static final String CSP = "Content-Security-Policy";
    private static final String ACCEPT_ENCODING = "Accept-Encoding";
    private static final String VARY = "Vary";
    private static final Pattern NONCE_SOURCES = Pattern.compile("(?:'strict-dynamic' )?'nonce-[^']*'");
    private static final Set<String> NOT_REPLAYED = Set.of("date", "content-length", "content-type", "set-cookie",
            "transfer-encoding", "connection", "content-encoding", "vary");

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    /** How long a request waits for the same page being rendered for another one before rendering it itself. */
    private static final long WAIT_FOR_OTHER_MS = 2_000;
    private static final int MAX_UNCACHEABLE = 10_000;

    private final PageCache cache;
    private final ConcurrentHashMap<String, CountDownLatch> rendering = new ConcurrentHashMap<>();
    /** Addresses whose page declared itself not cacheable: no one waits for another's rendering of these. */
    private final Set<String> uncacheable = ConcurrentHashMap.newKeySet();

    public PageCacheFilter(PageCache cache) {
        this.cache = cache;
    }

    /**
     * The canonical spelling of a raw request path: escapes of letters, digits, {@code -}, {@code _} and {@code ~}
     * decoded (RFC 3986 calls them unreserved: escaped or not, they mean the same), every other escape in upper case.
     * A dot stays escaped, so that no {@code .} or {@code ..} segment appears that the client did not send. Null for
     * a broken escape.
     */
    static String canonicalPath(String raw) {
        StringBuilder path = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                path.append(c);
                continue;
            }
            if (i + 2 >= raw.length()) {
                return null;
            }
            int high = hex(raw.charAt(i + 1));
            int low = hex(raw.charAt(i + 2));
            if (high < 0 || low < 0) {
                return null;
            }
            char decoded = (char) (high * 16 + low);
            if (decoded < 128 && (Character.isLetterOrDigit(decoded) || decoded == '-' || decoded == '_'
                    || decoded == '~')) {
                path.append(decoded);
            } else {
                path.append('%').append(raw.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
            }
            i += 2;
        }
        return path.toString();
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    /** Called by a page while it renders: what it shows depends only on its address and the published content. */
    public static void markCacheable(HttpServletRequest request) {
        request.setAttribute(CACHEABLE, Boolean.TRUE);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse out = (HttpServletResponse) response;
        if (!"GET".equals(http.getMethod()) || http.getRequestedSessionId() != null) {
            chain.doFilter(request, response);
            return;
        }
        String raw = http.getRequestURI();
        String key = canonicalPath(raw);
        String query = http.getQueryString();
        if (key != null && (!key.equals(raw) || "".equals(query))) {
            // Relative, so that it names this host whatever Host header came in.
            out.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            out.setHeader("Location", query == null || query.isEmpty() ? key : key + "?" + query);
            return;
        }
        if (key == null || query != null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<PageCache.Page> cached = cache.get(key);
        if (cached.isPresent()) {
            replay(cached.get(), http, out);
            return;
        }
        if (uncacheable.contains(key)) {
            render(key, http, out, chain);
            return;
        }
        // A burst for one page (right after a publish, say) renders it once: the others wait for that rendering
        // instead of each taking a database connection for the same page.
        CountDownLatch mine = new CountDownLatch(1);
        CountDownLatch other = rendering.putIfAbsent(key, mine);
        if (other != null) {
            try {
                other.await(WAIT_FOR_OTHER_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cached = cache.get(key);
            if (cached.isPresent()) {
                replay(cached.get(), http, out);
            } else {
                render(key, http, out, chain);
            }
            return;
        }
        try {
            if (!render(key, http, out, chain)) {
                if (uncacheable.size() >= MAX_UNCACHEABLE) {
                    uncacheable.clear();
                }
                uncacheable.add(key);
            }
        } finally {
            rendering.remove(key, mine);
            mine.countDown();
        }
    }

    /** Renders the page, keeps it when it may be kept, and says whether it was. */
    private boolean render(String key, HttpServletRequest http, HttpServletResponse out, FilterChain chain)
            throws IOException, ServletException {
        long version = cache.version();
        Buffering buffering = new Buffering(out);
        chain.doFilter(http, buffering);
        if (buffering.passedThrough) {
            return false;
        }
        byte[] body = buffering.body();
        boolean kept = false;
        if (Boolean.TRUE.equals(http.getAttribute(CACHEABLE)) && buffering.status == HttpServletResponse.SC_OK
                && !out.containsHeader("Set-Cookie") && out.getContentType() != null
                && out.getContentType().startsWith("text/html")) {
            String policy = out.getHeader(CSP);
            if (policy != null) {
                String withoutNonce = NONCE_SOURCES.matcher(policy).replaceAll("'self'");
                out.setHeader(CSP, withoutNonce);
                buffering.headers.put(CSP, new ArrayList<>(List.of(withoutNonce)));
            }
            // Only what the page set: the filters in front (security headers, HSTS for HTTPS) set theirs each time.
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            headers.add(Map.entry("Content-Type", out.getContentType()));
            buffering.headers.forEach((name, values) -> {
                if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> headers.add(Map.entry(name, value)));
                }
            });
            Optional<PageCache.Page> page = cache.put(key, buffering.status, headers, body, version);
            if (page.isPresent() && writeCompressed(page.get(), http, out)) {
                return true;
            }
            kept = page.isPresent();
            out.setHeader(VARY, ACCEPT_ENCODING);
        }
        out.setContentLength(body.length);
        out.getOutputStream().write(body);
        return kept;
    }

    private static void replay(PageCache.Page page, HttpServletRequest request, HttpServletResponse out)
            throws IOException {
        out.setStatus(page.status());
        replayHeaders(page, out::setHeader, out::addHeader);
        if (writeCompressed(page, request, out)) {
            return;
        }
        out.setHeader(VARY, ACCEPT_ENCODING);
        out.setContentLength(page.body().length);
        out.getOutputStream().write(page.body());
    }

    /**
     * The page's own headers as kept: the first value of a name through {@code set} (which replaces a header of that
     * name the filters in front set), later ones through {@code add}. Also how {@link CachedPageHandler} builds them.
     */
    static void replayHeaders(PageCache.Page page, BiConsumer<String, String> set, BiConsumer<String, String> add) {
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> header : page.headers()) {
            if (seen.add(header.getKey().toLowerCase(Locale.ROOT))) {
                set.accept(header.getKey(), header.getValue());
            } else {
                add.accept(header.getKey(), header.getValue());
            }
        }
    }

    /**
     * The page's bytes as compressed when it was kept, Zstandard when the browser accepts it (and it is smaller),
     * else gzip when accepted: nothing is compressed per request.
     *
     * @return false when the browser accepts neither (nothing written)
     */
    private static boolean writeCompressed(PageCache.Page page, HttpServletRequest request, HttpServletResponse out)
            throws IOException {
        String coding = page.codingFor(request.getHeader(ACCEPT_ENCODING));
        if (coding == null) {
            return false;
        }
        byte[] bytes = page.in(coding);
        out.setHeader(VARY, ACCEPT_ENCODING);
        out.setHeader("Content-Encoding", coding);
        out.setContentLength(bytes.length);
        out.getOutputStream().write(bytes);
        return true;
    }

    /** Holds the body back until the page is complete; errors and redirects go straight through. */
    private static final class Buffering extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        private ServletOutputStream stream;
        private PrintWriter writer;
        private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private int status = SC_OK;
        private boolean passedThrough;

        Buffering(HttpServletResponse response) {
            super(response);
        }

        byte[] body() {
            if (writer != null) {
                writer.flush();
            }
            return bytes.toByteArray();
        }

        @Override
        public void setHeader(String name, String value) {
            headers.put(name, new ArrayList<>(List.of(value)));
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            super.addHeader(name, value);
        }

        @Override
        public void setDateHeader(String name, long date) {
            setHeader(name, httpDate(date));
        }

        @Override
        public void addDateHeader(String name, long date) {
            addHeader(name, httpDate(date));
        }

        @Override
        public void setIntHeader(String name, int value) {
            setHeader(name, Integer.toString(value));
        }

        @Override
        public void addIntHeader(String name, int value) {
            addHeader(name, Integer.toString(value));
        }

        private static String httpDate(long millis) {
            return HTTP_DATE.format(Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC));
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            passedThrough = true;
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            passedThrough = true;
            super.sendError(sc);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            passedThrough = true;
            super.sendRedirect(location);
        }

        @Override
        public void flushBuffer() {
            // Nothing is sent before the page is complete.
        }

        @Override
        public void setContentLength(int len) {
        }

        @Override
        public void setContentLengthLong(long len) {
        }

        @Override
        public void resetBuffer() {
            bytes.reset();
        }

        @Override
        public void reset() {
            super.reset();
            bytes.reset();
            headers.clear();
            status = SC_OK;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        bytes.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        bytes.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("the page cache buffers synchronously");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
            }
            return writer;
        }
    }
}
