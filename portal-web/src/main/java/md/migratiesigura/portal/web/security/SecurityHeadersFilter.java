package md.migratiesigura.portal.web.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The headers Wicket does not send, on every response of the portal (pages, resources, API, errors). Wicket adds
 * its nonce-based Content-Security-Policy to pages; responses that are not pages get a CSP that allows nothing.
 */
public class SecurityHeadersFilter implements Filter {

    static final String DENY_ALL_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        apply(request.isSecure(), http::containsHeader, http::setHeader);
        chain.doFilter(request, response);
    }

    /**
     * Sets the headers in the order this filter sets them, through {@code set} (which replaces a header of that name).
     * Shared with the page cache's fast path ({@code CachedPageHandler}), which answers before this filter runs and
     * must send the very same headers.
     *
     * @param secure    whether the request came over https (directly or through a trusted proxy)
     * @param present   whether the response has a header of that name already
     */
    public static void apply(boolean secure, Predicate<String> present, BiConsumer<String, String> set) {
        set.accept("X-Content-Type-Options", "nosniff");
        // A visitor's next site must not learn they came from an anti-trafficking page.
        set.accept("Referrer-Policy", "no-referrer");
        set.accept("Permissions-Policy",
                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()");
        set.accept("X-Frame-Options", "DENY");
        set.accept("Cross-Origin-Opener-Policy", "same-origin");
        set.accept("Cross-Origin-Resource-Policy", "same-origin");
        if (secure) {
            set.accept("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (!present.test("Content-Security-Policy")) {
            // Wicket replaces this with its own policy on the pages it renders.
            set.accept("Content-Security-Policy", DENY_ALL_CSP);
        }
    }
}
