package md.migratiesigura.portal.web.sitemap;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

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
        String body = "User-agent: *\nDisallow: /admin/\nDisallow: /api/\nDisallow: /ro/cautare\nDisallow: /ru/poisk\n"
                + "Allow: /\n\nSitemap: " + sitemapUrl + "\n";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
