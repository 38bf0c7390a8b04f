package md.migratiesigura.portal.web.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * {@code Cache-Control: no-store} on every back-office response, redirects included: a shared or borrowed computer
 * must not keep staff pages in its cache. Whatever Wicket later sets for caching is ignored.
 */
public class NoStoreFilter implements Filter {

    private static final String CACHE_CONTROL = "Cache-Control";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setHeader(CACHE_CONTROL, "no-store");
        chain.doFilter(request, new HttpServletResponseWrapper(http) {
            @Override
            public void setHeader(String name, String value) {
                if (!CACHE_CONTROL.equalsIgnoreCase(name)) {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (!CACHE_CONTROL.equalsIgnoreCase(name)) {
                    super.addHeader(name, value);
                }
            }
        });
    }
}
