package md.migratiesigura.portal.web.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

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
        http.setHeader("X-Content-Type-Options", "nosniff");
        // A visitor's next site must not learn they came from an anti-trafficking page.
        http.setHeader("Referrer-Policy", "no-referrer");
        http.setHeader("Permissions-Policy",
                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()");
        http.setHeader("X-Frame-Options", "DENY");
        http.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        http.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        if (request.isSecure()) {
            http.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (!http.containsHeader("Content-Security-Policy")) {
            // Wicket replaces this with its own policy on the pages it renders.
            http.setHeader("Content-Security-Policy", DENY_ALL_CSP);
        }
        chain.doFilter(request, response);
    }
}
