package md.migratiesigura.portal.web.sitemap;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import md.migratiesigura.portal.web.admin.AdminRoutes;
import md.migratiesigura.portal.web.api.ApiRoutes;
import md.migratiesigura.portal.web.search.SearchRoutes;

/** {@code /robots.txt}: the public site may be crawled, the back office and the API not; where the sitemap is. */
public class RobotsServlet extends HttpServlet {

    private final String sitemapUrl;

    public RobotsServlet(String sitemapUrl) {
        this.sitemapUrl = sitemapUrl;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=3600");
        StringBuilder body = new StringBuilder("User-agent: *\n");
        List<String> disallowed = new ArrayList<>(List.of(AdminRoutes.PATH + "/", ApiRoutes.PATH + "/"));
        disallowed.addAll(SearchRoutes.searchPages());
        disallowed.forEach(path -> body.append("Disallow: ").append(path).append('\n'));
        body.append("Allow: /\n\nSitemap: ").append(sitemapUrl).append('\n');
        response.getOutputStream().write(body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
