package md.migratiesigura.portal.web.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Wicket 10.8.0 can be led outside a package through the locale, style or variation part of a package-resource
 * URL (fixed in later releases), which it reads from the file name and from the query string alike (a first
 * parameter without a value, {@code ?ru-style-variation}, or {@code locale=}, {@code style=}, {@code variation=}).
 * Our resources have plain names and our pages link them with the version in the file name
 * ({@code portal-ver-<hash>.css}) and no query: anything else under {@code /wicket/resource/} is refused with 404
 * before Wicket reads it. A plain {@code ver=<version>} (Wicket's other way of writing a version) is let through.
 */
public class ResourcePathFilter implements Filter {

    /** Where Wicket serves packaged resources (CSS, scripts): what this filter is mapped to. */
    public static final String PATHS = "/wicket/resource/*";
    /** The same, as the start of a request's path. */
    public static final String PREFIX = "/wicket/resource/";

    private static final Pattern SAFE = Pattern.compile("/wicket/resource/[A-Za-z0-9_.$]+/[A-Za-z0-9_-]+(-ver-[0-9A-F]+)?\\.[a-z0-9]{1,5}");
    private static final Pattern VERSION_ONLY = Pattern.compile("ver=[0-9A-Za-z]{1,64}");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String uri = request.getRequestURI();
        String query = request.getQueryString();
        if (!SAFE.matcher(uri).matches() || uri.contains("..")
                || query != null && !VERSION_ONLY.matcher(query).matches()) {
            ((HttpServletResponse) res).sendError(404);
            return;
        }
        chain.doFilter(req, res);
    }
}
