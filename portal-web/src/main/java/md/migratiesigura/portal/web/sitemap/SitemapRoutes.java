package md.migratiesigura.portal.web.sitemap;

/** The files for crawlers, served by plain servlets. */
public final class SitemapRoutes {

    public static final String SITEMAP = "/sitemap.xml";
    public static final String ROBOTS = "/robots.txt";

    private SitemapRoutes() {
    }
}
