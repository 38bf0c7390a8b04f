package md.migratiesigura.portal.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.SessionTrackingMode;
import java.io.IOException;
import java.net.BindException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import md.migratiesigura.portal.PortalCore;
import md.migratiesigura.portal.PortalServices;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.config.ConfigException;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.search.ContentVersion;
import md.migratiesigura.portal.web.agency.AgenciesEndpoint;
import md.migratiesigura.portal.web.api.ApiEndpoint;
import md.migratiesigura.portal.web.api.ApiServlet;
import md.migratiesigura.portal.web.api.HealthServlet;
import md.migratiesigura.portal.web.article.ArticlesEndpoint;
import md.migratiesigura.portal.web.article.AtomFeedServlet;
import md.migratiesigura.portal.web.cache.PageCache;
import md.migratiesigura.portal.web.cache.PageCacheFilter;
import md.migratiesigura.portal.web.common.PublicUrls;
import md.migratiesigura.portal.web.event.EventCalendarFilter;
import md.migratiesigura.portal.web.event.EventsEndpoint;
import md.migratiesigura.portal.web.media.MediaServlet;
import md.migratiesigura.portal.web.report.ReportEndpoint;
import md.migratiesigura.portal.web.riskcheck.RiskCheckEndpoint;
import md.migratiesigura.portal.web.riskcheck.RiskCheckQuestionsEndpoint;
import md.migratiesigura.portal.web.search.SearchEndpoint;
import md.migratiesigura.portal.web.security.AdminIsolationFilter;
import md.migratiesigura.portal.web.security.NoStoreFilter;
import md.migratiesigura.portal.web.security.ResourcePathFilter;
import md.migratiesigura.portal.web.security.SecurityHeadersFilter;
import md.migratiesigura.portal.web.security.TrustedProxyCustomizer;
import md.migratiesigura.portal.web.sitemap.RobotsServlet;
import md.migratiesigura.portal.web.sitemap.SitemapServlet;
import md.migratiesigura.portal.web.visits.VisitCountingFilter;
import org.apache.wicket.protocol.http.WicketFilter;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SizeLimitHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The runnable portal: core services behind the Wicket application on embedded Jetty. */
public final class PortalServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PortalServer.class);
    /** Rendered public pages kept for anonymous visitors: about 2,500 pages of 12 KB, a few minutes' worth at most. */
    private static final long PAGE_CACHE_BYTES = 32L * 1024 * 1024;
    private static final int PAGE_CACHE_MAX_PAGE = 1024 * 1024;
    /** How late a change that comes with the clock alone (a scheduled article's hour) may show. */
    private static final java.time.Duration PAGE_CACHE_TTL = java.time.Duration.ofSeconds(30);

    /** The largest request body accepted: a 5 MB image upload with its form fields fits. */
    public static final long MAX_REQUEST_BYTES = 8L * 1024 * 1024;

    private final Server server;
    private final PortalServices services;
    private final int port;

    private PortalServer(Server server, PortalServices services, int port) {
        this.server = server;
        this.services = services;
        this.port = port;
    }

    public static void main(String[] args) {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        try {
            PortalServer portal = start(PortalConfig.fromEnvironment());
            Runtime.getRuntime().addShutdownHook(new Thread(portal::close, "portal-shutdown"));
        } catch (ConfigException e) {
            log.error("Cannot start: {}", e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            log.error("Cannot start: {}", e.toString());
            System.exit(1);
        }
    }

    /**
     * Binds the port first (so a taken port fails in a second, before the database starts), then starts the core
     * and serves. Used by {@link #main} and by the tests.
     */
    public static PortalServer start(PortalConfig requested) {
        Server server = new Server(threadPool());
        ServerConnector connector = connector(server, requested.port(), requested);
        int port = connector.getLocalPort();
        PortalConfig config = requested.withPort(port);
        PortalServices services = null;
        try {
            services = PortalCore.start(config);
            // Request bodies are capped by Jetty itself, before any parsing: uploads included.
            SizeLimitHandler sizeLimit = new SizeLimitHandler(MAX_REQUEST_BYTES, -1);
            sizeLimit.setHandler(context(services, config));
            server.setHandler(new GracefulHandler(sizeLimit));
            server.setErrorHandler(quietErrors());
            server.setStopTimeout(10_000);
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            if (services != null) {
                services.close();
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("the web server could not start: " + e.getMessage(), e);
        }
        log.info("Portal ready on http://localhost:{}/ (public address {})", port, config.publicBaseUrl());
        return new PortalServer(server, services, port);
    }

    private static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(200, 8);
        pool.setName("http");
        return pool;
    }

    private static ServerConnector connector(Server server, int port, PortalConfig config) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(16 * 1024);
        http.addCustomizer(new TrustedProxyCustomizer(config.trustedProxies()));
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);
        try {
            connector.open();
        } catch (IOException e) {
            String reason = e instanceof BindException || e.getCause() instanceof BindException
                    ? "port " + port + " is already in use" : "cannot listen on port " + port + ": " + e.getMessage();
            throw new ConfigException("PORTAL_PORT", reason, e);
        }
        server.addConnector(connector);
        return connector;
    }

    private static ServletContextHandler context(PortalServices services, PortalConfig config) {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        // Article bodies of up to 200,000 characters (Cyrillic takes 6 bytes a letter once form-encoded) must fit.
        context.setMaxFormContentSize(4 * 1024 * 1024);
        configureSessions(context.getSessionHandler(), config);

        context.addFilter(new FilterHolder(new SecurityHeadersFilter()), "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        context.addFilter(new FilterHolder(new AdminIsolationFilter()), "/admin/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new ResourcePathFilter()), "/wicket/resource/*", EnumSet.of(DispatcherType.REQUEST));
        FilterHolder noStore = new FilterHolder(new NoStoreFilter());
        context.addFilter(noStore, "/admin", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        context.addFilter(noStore, "/admin/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        // Online consultations: what was typed, the phrase shown once and the answer never stay in a cache.
        for (String consultation : new String[] {"/ro/consultatie", "/ru/konsultatsiya"}) {
            context.addFilter(noStore, consultation, EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
            context.addFilter(noStore, consultation + "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        }

        if (config.visitCounting()) {
            // Before Wicket, so that it sees the status and content type of the page Wicket rendered.
            context.addFilter(new FilterHolder(new VisitCountingFilter(services.visitCounter(), config.trustedProxies(),
                    java.time.Clock.systemUTC(), java.net.URI.create(config.publicBaseUrl()).getHost())), "/*",
                    EnumSet.of(DispatcherType.REQUEST));
        } else {
            log.info("Visit counting is off (PORTAL_VISIT_COUNTING=off)");
        }

        // Events: the .ics files under the listing's paths are served before Wicket, which has the pages there.
        FilterHolder calendars = new FilterHolder(new EventCalendarFilter(services.events(),
                new PublicUrls(config.publicBaseUrl())));
        for (Language language : Language.values()) {
            String path = PublicUrls.eventsPath(language);
            context.addFilter(calendars, path + ".ics", EnumSet.of(DispatcherType.REQUEST));
            context.addFilter(calendars, path + "/*", EnumSet.of(DispatcherType.REQUEST));
        }

        // After counting (a page served from the cache is a pageview like any other), before Wicket.
        PageCache pages = new PageCache(PAGE_CACHE_BYTES, PAGE_CACHE_MAX_PAGE, PAGE_CACHE_TTL, ContentVersion::current,
                java.time.Clock.systemUTC());
        FilterHolder pageCache = new FilterHolder(new PageCacheFilter(pages));
        context.addFilter(pageCache, "/ro/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(pageCache, "/ru/*", EnumSet.of(DispatcherType.REQUEST));

        FilterHolder wicket = new FilterHolder(new WicketFilter(new PortalApplication(services, config)));
        wicket.setName("portal");
        wicket.setInitParameter(WicketFilter.FILTER_MAPPING_PARAM, "/*");
        // Served by plain servlets below, not by Wicket.
        wicket.setInitParameter(WicketFilter.IGNORE_PATHS_PARAM,
                "health,api/,media/,sitemap.xml,robots.txt,ro/feed.atom,ru/feed.atom");
        context.addFilter(wicket, "/*", EnumSet.of(DispatcherType.REQUEST));

        context.addServlet(new ServletHolder(new HealthServlet(services)), "/health");
        context.addServlet(new ServletHolder(new MediaServlet(services.images())), "/media/*");
        context.addServlet(new ServletHolder(new ApiServlet(apiEndpoints(services, config))), "/api/*");
        PublicUrls urls = new PublicUrls(config.publicBaseUrl());
        context.addServlet(new ServletHolder(new SitemapServlet(services.articles(), services.events(), urls)), "/sitemap.xml");
        context.addServlet(new ServletHolder(new RobotsServlet(urls.sitemap())), "/robots.txt");
        for (Language language : Language.values()) {
            context.addServlet(new ServletHolder(new AtomFeedServlet(services.articles(), urls, language)),
                    "/" + language.code() + "/feed.atom");
        }
        return context;
    }

    /** The JSON API, one line per resource. */
    static Map<String, ApiEndpoint> apiEndpoints(PortalServices services, PortalConfig config) {
        PublicUrls urls = new PublicUrls(config.publicBaseUrl());
        Map<String, ApiEndpoint> endpoints = new HashMap<>();
        endpoints.put("v1/articles", new ArticlesEndpoint(services.articles(), urls));
        endpoints.put("v1/search", new SearchEndpoint(services.search(), urls));
        endpoints.put("v1/risk-check/questions", new RiskCheckQuestionsEndpoint(services.riskCheck()));
        endpoints.put("v1/risk-check", new RiskCheckEndpoint(services.riskCheck()));
        endpoints.put("v1/agencies", new AgenciesEndpoint(services.agencies()));
        endpoints.put("v1/report/", new ReportEndpoint(services.reports()));
        endpoints.put("v1/events", new EventsEndpoint(services.events(), urls));
        return endpoints;
    }

    /**
     * Only the back office has sessions; anonymous visitors never get one. Cookies only (no ids in URLs), never
     * readable by scripts nor sent from other sites. Behind https the cookie is {@code __Host-} prefixed: the
     * browser then insists on Secure, Path=/ and no Domain, so no other host or plain-http page can plant or read
     * it. Secure is set whatever the request's scheme, since TLS usually ends at a proxy in front of the portal.
     */
    static void configureSessions(SessionHandler sessions, PortalConfig config) {
        boolean https = config.publicBaseUrl().startsWith("https://");
        sessions.setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE));
        sessions.setSessionCookie(https ? "__Host-PORTAL_SESSION" : "PORTAL_SESSION");
        sessions.setSecureCookies(https);
        sessions.setSessionPath("/");
        sessions.setHttpOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.STRICT);
        sessions.setMaxInactiveInterval(30 * 60);
    }

    private static ErrorHandler quietErrors() {
        ErrorHandler handler = new ErrorHandler() {
            @Override
            protected void writeErrorHtml(org.eclipse.jetty.server.Request request, java.io.Writer writer,
                                          java.nio.charset.Charset charset, int code, String message, Throwable cause)
                    throws java.io.IOException {
                // Jetty's own short page is in English: say so, for screen readers (WCAG 3.1.1).
                java.io.StringWriter page = new java.io.StringWriter();
                super.writeErrorHtml(request, page, charset, code, message, cause);
                writer.write(page.toString().replaceFirst("<html>", "<html lang=\"en\">"));
            }
        };
        handler.setShowStacks(false);
        handler.setShowMessageInTitle(false);
        return handler;
    }

    public int port() {
        return port;
    }

    public PortalServices services() {
        return services;
    }

    /** Drains requests in flight (up to ten seconds), then closes the index and the database. */
    @Override
    public void close() {
        log.info("Stopping: draining requests");
        stopQuietly(server);
        services.close();
        log.info("Stopped");
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("The web server did not stop cleanly: {}", e.getMessage());
        }
    }
}
