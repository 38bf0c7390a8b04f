package md.migratiesigura.portal.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.net.BindException;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import md.migratiesigura.portal.PortalCore;
import md.migratiesigura.portal.PortalServices;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.config.ConfigException;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.search.ContentVersion;
import md.migratiesigura.portal.web.admin.AdminRoutes;
import md.migratiesigura.portal.web.agency.AgenciesEndpoint;
import md.migratiesigura.portal.web.agency.AgencyRoutes;
import md.migratiesigura.portal.web.api.ApiEndpoint;
import md.migratiesigura.portal.web.api.ApiRoutes;
import md.migratiesigura.portal.web.api.ApiServlet;
import md.migratiesigura.portal.web.api.HealthServlet;
import md.migratiesigura.portal.web.article.ArticleRoutes;
import md.migratiesigura.portal.web.article.ArticlesEndpoint;
import md.migratiesigura.portal.web.article.AtomFeedServlet;
import md.migratiesigura.portal.web.cache.CachedPageHandler;
import md.migratiesigura.portal.web.cache.PageCache;
import md.migratiesigura.portal.web.chat.ChatApiServlet;
import md.migratiesigura.portal.web.chat.ChatConsoleSessions;
import md.migratiesigura.portal.web.chat.ChatRoutes;
import md.migratiesigura.portal.web.cache.PageCacheFilter;
import md.migratiesigura.portal.web.common.PublicUrls;
import md.migratiesigura.portal.web.consultation.ConsultationRoutes;
import md.migratiesigura.portal.web.event.EventCalendarFilter;
import md.migratiesigura.portal.web.event.EventRoutes;
import md.migratiesigura.portal.web.event.EventsEndpoint;
import md.migratiesigura.portal.web.home.HomeRoutes;
import md.migratiesigura.portal.web.materials.BundledMaterials;
import md.migratiesigura.portal.web.materials.MaterialFileServlet;
import md.migratiesigura.portal.web.materials.MaterialRoutes;
import md.migratiesigura.portal.web.materials.MaterialsEndpoint;
import md.migratiesigura.portal.web.media.MediaRoutes;
import md.migratiesigura.portal.web.media.MediaServlet;
import md.migratiesigura.portal.web.pages.PageRoutes;
import md.migratiesigura.portal.web.pages.PagesEndpoint;
import md.migratiesigura.portal.web.report.ReportEndpoint;
import md.migratiesigura.portal.web.report.ReportRoutes;
import md.migratiesigura.portal.web.riskcheck.RiskCheckEndpoint;
import md.migratiesigura.portal.web.riskcheck.RiskCheckQuestionsEndpoint;
import md.migratiesigura.portal.web.riskcheck.RiskCheckRoutes;
import md.migratiesigura.portal.web.search.SearchEndpoint;
import md.migratiesigura.portal.web.search.SearchRoutes;
import md.migratiesigura.portal.web.security.AdminIsolationFilter;
import md.migratiesigura.portal.web.security.NoStoreFilter;
import md.migratiesigura.portal.web.security.RenderSlots;
import md.migratiesigura.portal.web.security.ResourcePathFilter;
import md.migratiesigura.portal.web.security.SecurityHeadersFilter;
import md.migratiesigura.portal.web.security.StaffSessionDataStore;
import md.migratiesigura.portal.web.security.StaffSessions;
import md.migratiesigura.portal.web.security.TrustedProxyCustomizer;
import md.migratiesigura.portal.web.sitemap.RobotsServlet;
import md.migratiesigura.portal.web.sitemap.SitemapRoutes;
import md.migratiesigura.portal.web.sitemap.SitemapServlet;
import md.migratiesigura.portal.web.visits.VisitCountingFilter;
import org.apache.wicket.protocol.http.WicketFilter;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runnable portal: core services behind the Wicket application on embedded Jetty. Wicket code reaches a service
 * as {@code PortalApplication.get().articles()}; the servlets, filters and API endpoints built here run outside
 * Wicket, where there is no application to ask, so they get theirs through their constructors. Those are the only
 * two ways.
 */
public final class PortalServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PortalServer.class);
    /** Rendered public pages kept for anonymous visitors: about 2,500 pages of 12 KB, a few minutes' worth at most. */
    private static final long PAGE_CACHE_BYTES = 32L * 1024 * 1024;
    private static final int PAGE_CACHE_MAX_PAGE = 1024 * 1024;
    /** How late a change that comes with the clock alone (a scheduled article's hour) may show. */
    private static final Duration PAGE_CACHE_TTL = Duration.ofSeconds(30);
    /** How long a request waits for one of the {@link RenderSlots} before it is answered 503. */
    private static final Duration RENDER_WAIT = Duration.ofSeconds(10);

    /** Every path: the filters that look at all requests. */
    private static final String EVERYTHING = "/*";

    /** The largest request body accepted (but on the materials' upload form): a 5 MB image upload with its form fields fits. */
    public static final long MAX_REQUEST_BYTES = 8L * 1024 * 1024;

    private final Server server;
    private final PortalServices services;
    private final StaffSessions staffSessions;
    private final int port;

    private PortalServer(Server server, PortalServices services, StaffSessions staffSessions, int port) {
        this.server = server;
        this.services = services;
        this.staffSessions = staffSessions;
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
        return start(requested, StaffSessions.DEFAULT_LIMIT);
    }

    /** {@link #start(PortalConfig)} with another cap on live server sessions, for the tests that reach it. */
    public static PortalServer start(PortalConfig requested, int sessionLimit) {
        StaffSessions staffSessions = new StaffSessions(sessionLimit);
        Server server = new Server(threadPool(), null, new RequestBuffers());
        ServerConnector connector = connector(server, requested.port(), requested);
        int port = connector.getLocalPort();
        PortalConfig config = requested.withPort(port);
        PortalServices services = null;
        try {
            services = PortalCore.start(config);
            warmUp(services);
            // The library is never empty: leaflets made from the portal's own articles, before the port opens (after
            // "ready", a SIGTERM would find no shutdown hook yet and leave the embedded database running). Only the
            // first start, or one after the articles changed, renders them; other starts compare a hash.
            BundledMaterials.ensure(services.articles(), services.materials());
            PageCache pages = new PageCache(PAGE_CACHE_BYTES, PAGE_CACHE_MAX_PAGE, PAGE_CACHE_TTL,
                    ContentVersion::current, Clock.systemUTC());
            VisitCountingFilter visits = config.visitCounting() ? new VisitCountingFilter(services.visitCounter(),
                    config.trustedProxies(), Clock.systemUTC(), URI.create(config.publicBaseUrl()).getHost()) : null;
            // Request bodies are capped by Jetty itself, before any parsing: uploads included.
            Handler sizeLimit = new RequestSizeLimits(context(services, config, staffSessions, pages, visits),
                    MAX_REQUEST_BYTES, MaterialRoutes.MAX_UPLOAD_REQUEST, MaterialRoutes.uploadPaths());
            // Pages the cache holds are answered in front of everything else but the draining on shutdown: the same
            // bytes and headers, and the same count, for a fraction of the work (CachedPageHandler).
            server.setHandler(new GracefulHandler(new CachedPageHandler(compressed(sizeLimit), pages,
                    HomeRoutes.publicPages(), uncompressedPaths(),
                    visits != null ? visits::count : (method, status, type, path, address, header) -> { })));
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
        return new PortalServer(server, services, staffSessions, port);
    }

    /**
     * While Jetty and Wicket start on this thread, another one asks the core for what the home page shows, so that
     * Hibernate has compiled those queries (and the JVM loaded their classes) before the first reader asks: the first
     * page comes sooner after start. Only reads; a failure here changes nothing but the timing.
     */
    private static void warmUp(PortalServices services) {
        Thread warm = new Thread(() -> {
            try {
                for (Language language : Language.values()) {
                    services.navigation().of(language);
                    services.articles().latest(language, 8);
                    services.articles().countPublished(language);
                    services.articles().categories(language);
                }
            } catch (RuntimeException e) {
                log.debug("Warm-up query failed: {}", e.toString());
            }
        }, "start-warm-up");
        warm.setDaemon(true);
        warm.start();
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
        ServerConnector connector = new ServerConnector(server, RequestBuffers.connections(http));
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

    private static ServletContextHandler context(PortalServices services, PortalConfig config,
                                                 StaffSessions staffSessions, PageCache pages,
                                                 VisitCountingFilter visits) {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        // Article bodies of up to 200,000 characters (Cyrillic takes 6 bytes a letter once form-encoded) must fit.
        context.setMaxFormContentSize(4 * 1024 * 1024);
        configureSessions(context.getSessionHandler(), config);
        services.staffSessionRecords().ifPresent(records -> {
            // Back-office sessions in the database, for any node to take over (docs/cluster.md).
            StaffSessionDataStore.Verifying cache = new StaffSessionDataStore.Verifying(context.getSessionHandler());
            cache.setSessionDataStore(new StaffSessionDataStore(records));
            // Written before the response leaves: the next request may reach another node before this one ends.
            cache.setFlushOnResponseCommit(true);
            context.getSessionHandler().setSessionCache(cache);
        });
        context.getSessionHandler().addEventListener(staffSessions);
        // A counsellor whose session ends gives their chats back; not when the node itself stops.
        ChatConsoleSessions consoleSessions = new ChatConsoleSessions(services.chatConsole(), () -> !context.isRunning());
        context.getSessionHandler().addEventListener(consoleSessions);
        context.setAttribute(ChatConsoleSessions.class.getName(), consoleSessions);
        PublicUrls urls = new PublicUrls(config.publicBaseUrl());

        filter(context, new SecurityHeadersFilter(), List.of(EVERYTHING), DispatcherType.REQUEST, DispatcherType.ERROR);
        List<String> backOffice = new ArrayList<>(List.of(AdminRoutes.everything()));
        backOffice.addAll(AdminIsolationFilter.WICKET_PAGES);
        filter(context, new AdminIsolationFilter(), backOffice, DispatcherType.REQUEST);
        filter(context, new ResourcePathFilter(), List.of(ResourcePathFilter.PATHS), DispatcherType.REQUEST);
        // Nothing of the back office, nor of an online consultation (what was typed, the phrase shown once and the
        // answer), stays in a cache.
        filter(context, new NoStoreFilter(), secretPaths(), DispatcherType.REQUEST, DispatcherType.ERROR);

        if (visits != null) {
            // Before Wicket, so that it sees the status and content type of the page Wicket rendered.
            filter(context, visits, List.of(EVERYTHING), DispatcherType.REQUEST);
        } else {
            log.info("Visit counting is off (PORTAL_VISIT_COUNTING=off)");
        }

        // Events: the .ics files under the listing's paths are served before Wicket, which has the pages there.
        filter(context, new EventCalendarFilter(services.events(), urls), EventRoutes.calendarFilterPaths(),
                DispatcherType.REQUEST);

        // After counting (a page served from the cache is a pageview like any other), before Wicket.
        filter(context, new PageCacheFilter(pages), HomeRoutes.publicPages(), DispatcherType.REQUEST);
        // What the cache did not answer works a few at a time, so that a flood of one address cannot take every core.
        filter(context, new RenderSlots(RenderSlots.forCores(Runtime.getRuntime().availableProcessors()),
                // Materials' files are sent chunk by chunk at the reader's pace, with little work: they take no slot.
                RENDER_WAIT, List.of(ApiRoutes.HEALTH, ResourcePathFilter.PREFIX, MaterialRoutes.FILES + "/"),
                List.of(AdminRoutes.PATH, AdminIsolationFilter.WICKET_PAGE_PREFIX),
                List.of(ChatRoutes.API, ChatRoutes.CONSOLE_FEED), RenderSlots.CHAT_SLOTS), List.of(EVERYTHING),
                DispatcherType.REQUEST);

        Map<String, HttpServlet> servlets = servlets(services, config, urls);
        FilterHolder wicket = new FilterHolder(new WicketFilter(new PortalApplication(services, config,
                Clock.systemUTC(), staffSessions)));
        wicket.setName("portal");
        // The chat's long-poll suspends its request: every filter on its way must allow that.
        wicket.setAsyncSupported(true);
        wicket.setInitParameter(WicketFilter.FILTER_MAPPING_PARAM, EVERYTHING);
        // What the plain servlets serve is not Wicket's: "/api/*" becomes "api/", "/health" stays "health".
        wicket.setInitParameter(WicketFilter.IGNORE_PATHS_PARAM, servlets.keySet().stream()
                .map(path -> path.substring(1).replaceFirst("\\*$", "")).collect(Collectors.joining(",")));
        context.addFilter(wicket, EVERYTHING, EnumSet.of(DispatcherType.REQUEST));
        servlets.forEach((path, servlet) -> {
            ServletHolder holder = new ServletHolder(servlet);
            holder.setAsyncSupported(true);
            context.addServlet(holder, path);
        });
        return context;
    }

    /**
     * Gzip for what the page cache does not answer gzipped itself (stylesheets, scripts, the API, feeds, pages rendered
     * per request). Not the back office nor the consultation pages, which show secrets (a ticket's phrase, a reply)
     * beside what the visitor typed: compressed, their length could betray the secret (BREACH). Compressed request
     * bodies are not inflated: the request size limit counts what arrives.
     */
    private static GzipHandler compressed(Handler handler) {
        GzipHandler gzip = new GzipHandler(handler);
        gzip.setInflateBufferSize(0);
        gzip.setExcludedPaths(uncompressedPaths().toArray(String[]::new));
        return gzip;
    }

    /** What shows secrets: the back office and the consultation and chat pages. */
    private static List<String> secretPaths() {
        List<String> secret = new ArrayList<>(AdminRoutes.rootAndEverything());
        secret.addAll(ConsultationRoutes.publicPaths());
        secret.addAll(ChatRoutes.privatePaths());
        return secret;
    }

    /** What is never gzipped: the secrets, and the materials' files (compressed already, kept with their length). */
    private static List<String> uncompressedPaths() {
        List<String> paths = secretPaths();
        paths.add(MaterialRoutes.everything());
        return paths;
    }

    /** The plain servlets by the path each is mapped to. */
    private static Map<String, HttpServlet> servlets(PortalServices services, PortalConfig config, PublicUrls urls) {
        Map<String, HttpServlet> servlets = new LinkedHashMap<>();
        servlets.put(ApiRoutes.HEALTH, new HealthServlet(services));
        servlets.put(MediaRoutes.everything(), new MediaServlet(services.images()));
        servlets.put(MaterialRoutes.everything(), new MaterialFileServlet(services.materials()));
        servlets.put(ApiRoutes.everything(), new ApiServlet(apiEndpoints(services, config)));
        servlets.put(ChatRoutes.API + "/*", new ChatApiServlet(services.chat(), config.trustedProxies(), urls));
        servlets.put(SitemapRoutes.SITEMAP, new SitemapServlet(services.articles(), services.pages(), services.events(), urls));
        servlets.put(SitemapRoutes.ROBOTS, new RobotsServlet(urls.absolute(SitemapRoutes.SITEMAP)));
        for (Language language : Language.values()) {
            servlets.put(ArticleRoutes.feed(language), new AtomFeedServlet(services.articles(), urls, language));
        }
        return servlets;
    }

    private static void filter(ServletContextHandler context, Filter filter, List<String> paths,
                               DispatcherType first, DispatcherType... rest) {
        FilterHolder holder = new FilterHolder(filter);
        holder.setAsyncSupported(true);
        for (String path : paths) {
            context.addFilter(holder, path, EnumSet.of(first, rest));
        }
    }

    /** The JSON API, one line per resource; each feature's routes name its path. */
    static Map<String, ApiEndpoint> apiEndpoints(PortalServices services, PortalConfig config) {
        PublicUrls urls = new PublicUrls(config.publicBaseUrl());
        Map<String, ApiEndpoint> endpoints = new HashMap<>();
        endpoints.put(ArticleRoutes.API, new ArticlesEndpoint(services.articles(), urls));
        endpoints.put(PageRoutes.API, new PagesEndpoint(services.pages(), services.navigation(), urls));
        endpoints.put(SearchRoutes.API, new SearchEndpoint(services.search(), urls));
        endpoints.put(RiskCheckRoutes.API_QUESTIONS, new RiskCheckQuestionsEndpoint(services.riskCheck()));
        endpoints.put(RiskCheckRoutes.API, new RiskCheckEndpoint(services.riskCheck()));
        endpoints.put(AgencyRoutes.API, new AgenciesEndpoint(services.agencies()));
        endpoints.put(ReportRoutes.API, new ReportEndpoint(services.reports(), year -> services.materials().figures(year)));
        endpoints.put(EventRoutes.API, new EventsEndpoint(services.events(), urls));
        endpoints.put(MaterialRoutes.API, new MaterialsEndpoint(services.materials(), urls));
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
            protected void writeErrorHtml(Request request, Writer writer, Charset charset, int code, String message,
                                          Throwable cause) throws IOException {
                // Jetty's own short page is in English: say so, for screen readers (WCAG 3.1.1).
                StringWriter page = new StringWriter();
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

    /** The live server sessions, as Jetty counts them, and their cap. */
    public StaffSessions staffSessions() {
        return staffSessions;
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
