package md.migratiesigura.portal.web.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import md.migratiesigura.portal.web.account.AccountRoutes;

/**
 * Stricter than Wicket's resource-isolation listener for the back office, whose links and forms Wicket invokes by
 * GET as well as POST: a request another site started (Fetch Metadata {@code Sec-Fetch-Site: cross-site} or
 * {@code same-site}) gets 403, whatever its method. Only a plain visit to the login page may come from elsewhere (a
 * bookmark synced from another device, a link in an e-mail). Mapped to the back office's paths and to Wicket's own
 * page paths ({@link #WICKET_PAGES}), which public pages never use; {@link AdminMountsListener} keeps back-office
 * pages from answering anywhere else.
 */
public class AdminIsolationFilter implements Filter {

    /** Where Wicket would reach a page by class name or a stored page by number. */
    public static final List<String> WICKET_PAGES = List.of("/wicket/page/*", "/wicket/bookmarkable/*");
    /** What {@link #WICKET_PAGES} cover, as the start of a request's path. */
    public static final String WICKET_PAGE_PREFIX = "/wicket/";

    private static final Set<String> OWN = Set.of("same-origin", "none");
    /** The login page's address may choose its language ({@code AdminBasePage.LANG}). */
    private static final Pattern LOGIN_QUERY = Pattern.compile("lang=(ro|ru)");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String site = request.getHeader("Sec-Fetch-Site");
        boolean foreign = site != null && !OWN.contains(site.toLowerCase(Locale.ROOT));
        String query = request.getQueryString();
        boolean plainLoginVisit = "GET".equals(request.getMethod()) && AccountRoutes.LOGIN.equals(request.getRequestURI())
                && (query == null || LOGIN_QUERY.matcher(query).matches());
        if (foreign && !plainLoginVisit) {
            HttpServletResponse response = (HttpServletResponse) res;
            response.setStatus(403);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("403: requests from other sites are not accepted by the back office.\n");
            return;
        }
        chain.doFilter(req, res);
    }
}
