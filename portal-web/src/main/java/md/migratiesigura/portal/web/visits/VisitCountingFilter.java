package md.migratiesigura.portal.web.visits;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.config.IpRange;
import md.migratiesigura.portal.visits.VisitCounter;
import md.migratiesigura.portal.visits.VisitSource;
import md.migratiesigura.portal.web.security.ClientAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts public pageviews (spec §6) in the request path, after the page is rendered: a GET answered 2xx with an
 * HTML page under {@code /ro/} or {@code /ru/}, not a prefetch. The back office, the API, {@code /health}, feeds and
 * assets are never HTML pages under a language, so they never count; bots are told apart by the counter. The work
 * here is a few header reads and a non-blocking offer of their values: the client's address (trusted proxies), the
 * bot check, the referrer's class and the hash are worked out by the counter's digester thread, and nothing here
 * waits for the database.
 */
public class VisitCountingFilter implements Filter, VisitSource {

    private static final Logger log = LoggerFactory.getLogger(VisitCountingFilter.class);

    private final VisitCounter counter;
    private final List<IpRange> trustedProxies;
    private final Clock clock;
    private final String ownHost;

    public VisitCountingFilter(VisitCounter counter, List<IpRange> trustedProxies, Clock clock, String ownHost) {
        this.counter = counter;
        this.trustedProxies = List.copyOf(trustedProxies);
        this.clock = clock;
        this.ownHost = ownHost;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse answer = (HttpServletResponse) response;
        count(http.getMethod(), answer.getStatus(), answer.getContentType(), http.getRequestURI(), http.getRemoteAddr(),
                http::getHeader);
    }

    /**
     * Counts one exchange when it is a countable pageview, from what this filter reads of it. Also called by the page
     * cache's fast path ({@code CachedPageHandler}), which answers pages in front of the servlet filters: a page
     * served from there is counted exactly as one served through here.
     *
     * @param path   the request's path as sent (percent-encoded), without the query
     * @param header the request's first value of a header, null when absent
     */
    public void count(String method, int status, String contentType, String path, String remoteAddress,
                      UnaryOperator<String> header) {
        Optional<Language> language = countableLanguage(method, status, contentType, path, header);
        if (language.isPresent()) {
            try {
                counter.record(clock.millis(), remoteAddress,
                        trustedProxies.isEmpty() ? null : header.apply("X-Forwarded-For"),
                        header.apply("User-Agent"), path, language.get(), header.apply("Referer"), this);
            } catch (RuntimeException e) {
                // The page has been served: whatever goes wrong in counting must not turn it into an error.
                log.warn("Visit counting failed for a pageview: {}", e.toString());
            }
        }
    }

    @Override
    public String clientAddress(String remoteAddress, String forwardedFor) {
        return ClientAddress.of(remoteAddress, forwardedFor, trustedProxies);
    }

    @Override
    public String ownHost() {
        return ownHost;
    }

    /** The page's language when this exchange is a countable pageview; empty otherwise. */
    static Optional<Language> countableLanguage(String method, int status, String contentType, String path,
                                                UnaryOperator<String> header) {
        if (status < 200 || status > 299 || !"GET".equals(method)) {
            return Optional.empty();
        }
        if (contentType == null || !contentType.regionMatches(true, 0, "text/html", 0, 9)) {
            return Optional.empty();
        }
        if (isPrefetch(header.apply("Sec-Purpose")) || isPrefetch(header.apply("Purpose"))
                || isPrefetch(header.apply("X-Moz")) || isPrefetch(header.apply("X-Purpose"))) {
            return Optional.empty();
        }
        if (path == null || path.length() < 4 || path.charAt(0) != '/' || path.charAt(3) != '/') {
            return Optional.empty();
        }
        return Language.ofCode(path.substring(1, 3));
    }

    private static boolean isPrefetch(String purpose) {
        return purpose != null && (purpose.toLowerCase(Locale.ROOT).contains("prefetch")
                || purpose.toLowerCase(Locale.ROOT).contains("preview"));
    }
}
