package md.migratiesigura.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.config.ConfigException;
import md.migratiesigura.portal.config.PortalConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server over real HTTP, in process: redirects, statuses, headers, cookies, health. */
class PortalServerTest {

    private static PortalServer server;
    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws IOException {
        server = PortalServer.start(TestDatabases.newConfig(Files.createTempDirectory("portal-server-test")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void rootSendsRomanianByDefault() throws Exception {
        HttpResponse<String> response = get("/", Map.of());
        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").endsWith("/ro/"));
    }

    @Test
    void rootSendsRussianReadersToRussian() throws Exception {
        HttpResponse<String> response = get("/", Map.of("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.8"));
        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").endsWith("/ru/"));
        assertTrue(response.headers().allValues("Vary").toString().contains("Accept-Language"));
    }

    @Test
    void rootPrefersWhicheverPortalLanguageComesFirst() throws Exception {
        assertTrue(get("/", Map.of("Accept-Language", "en-US,ro;q=0.8,ru;q=0.5")).headers()
                .firstValue("Location").orElse("").endsWith("/ro/"));
        assertTrue(get("/", Map.of("Accept-Language", "de, ru;q=0.7, ro;q=0.3")).headers()
                .firstValue("Location").orElse("").endsWith("/ru/"));
        assertTrue(get("/", Map.of("Accept-Language", "this is ;;; not a header")).headers()
                .firstValue("Location").orElse("").endsWith("/ro/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ro/", "/ru/", "/ro/cautare?q=pasaport", "/ru/poisk?q=паспорт",
            "/ro/verifica-oferta?passport=asked_to_keep&check=1", "/ru/proverka-vakansii?step=2", "/ro/agentii?q=munca",
            "/ru/agentstva"})
    void publicPagesSetNoCookieAndSendTheSecurityHeaders(String path) throws Exception {
        HttpResponse<String> response = get(path, Map.of());
        assertEquals(200, response.statusCode());
        assertEquals(java.util.Optional.empty(), response.headers().firstValue("Set-Cookie"), "no cookie for visitors");
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(""));
        assertTrue(response.headers().firstValue("Permissions-Policy").orElse("").contains("geolocation=()"));
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("object-src 'none'") && csp.contains("base-uri 'none'")
                && csp.contains("frame-ancestors 'none'"), csp);
        // A per-response nonce, or for pages the page cache may serve again only scripts and styles from here.
        assertTrue(csp.contains("'nonce-") || csp.contains("script-src 'self'"), csp);
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
        assertFalse(response.headers().firstValue("Server").isPresent(), "the server does not announce itself");
        assertTrue(response.headers().firstValue("Content-Type").orElse("").toLowerCase().contains("charset=utf-8"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ro/verifica-oferta?passport=asked_to_keep&check=1", "/ru/proverka-vakansii",
            "/ro/verifica-oferta?step=3&pay=too_high"})
    void theJobOfferCheckIsKeptByNoBrowserOrProxyCache(String path) throws Exception {
        HttpResponse<String> response = get(path, Map.of());
        assertEquals(200, response.statusCode());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ro/consultatie", "/ru/konsultatsiya?sos=1", "/ro/consultatie/raspuns", "/ru/konsultatsiya/otvet"})
    void theConsultationPagesSetNoCookieAndAreKeptByNoCache(String path) throws Exception {
        HttpResponse<String> response = get(path, Map.of());
        assertEquals(200, response.statusCode());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(java.util.Optional.empty(), response.headers().firstValue("Set-Cookie"), "no cookie for visitors");
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("form-action 'self'"));
    }

    @Test
    void healthReportsDatabaseAndSearch() throws Exception {
        HttpResponse<String> response = get("/health", Map.of());
        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"UP\",\"db\":\"UP\",\"search\":\"UP\"}", response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void uploadedImagesAreServedReadOnlyWithALongCacheAndNothingElseIs() throws Exception {
        var admin = server.services().users().list().get(0);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(800, 400, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", png);
        var cover = server.services().images().upload(new md.migratiesigura.portal.common.SignedInUser(admin.id(),
                admin.email(), admin.displayName(), admin.role()), new java.io.ByteArrayInputStream(png.toByteArray())).image();

        HttpResponse<String> large = get(cover.path(), Map.of());
        assertEquals(200, large.statusCode());
        assertEquals("image/jpeg", large.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", large.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(large.headers().firstValue("Cache-Control").orElse("").contains("max-age=31536000"));
        assertEquals(java.util.Optional.empty(), large.headers().firstValue("Set-Cookie"));
        assertEquals(200, get(cover.smallPath(), Map.of()).statusCode());
        for (String path : new String[] {"/media/", "/media/%2e%2e/%2e%2e/etc/passwd",
                "/media/" + cover.id() + ".png", "/media/" + cover.id().toUpperCase() + ".jpg",
                "/media/0123456789abcdef0123456789abcdef.jpg", "/media/" + cover.id() + ".jpg/x"}) {
            int status = get(path, Map.of()).statusCode();
            assertTrue(status == 404 || status == 400, path + " answered " + status);
        }
    }

    @Test
    void theLivePreviewIsRefusedWithoutAStaffSession() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + server.port() + "/admin/preview"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString("body=%2A%2Ax%2A%2A")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, response.statusCode());
        assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nothing-here", "/ro/nothing-here", "/ru/stati/nothing-here", "/ro/articole/../../etc/passwd",
            "/ro/articole/%2e%2e%2fetc", "/ro/articole/x%00y"})
    void unknownAddressesAreNotFoundNeverAnError(String path) throws Exception {
        HttpResponse<String> response = get(path, Map.of());
        assertTrue(response.statusCode() == 404 || response.statusCode() == 400,
                path + " answered " + response.statusCode());
        assertFalse(response.body().contains("Exception"), "no stack trace");
        assertFalse(response.body().contains("\tat "), "no stack trace");
    }

    @Test
    void notFoundPageIsLocalizedByItsAddress() throws Exception {
        HttpResponse<String> response = get("/ru/nothing-here", Map.of());
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("<html lang=\"ru\">"));
        assertTrue(response.body().contains("Страница не найдена"));
    }

    @Test
    void languageWithoutSlashIsRedirectedToTheHomePage() throws Exception {
        HttpResponse<String> response = get("/ru", Map.of());
        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").endsWith("/ru/"));
    }

    @Test
    void articlesApiListsPublishedArticlesNewestFirst() throws Exception {
        HttpResponse<String> response = get("/api/v1/articles?lang=ru&size=3", Map.of());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        assertTrue(json.get("total").asInt() >= 24, response.body());
        assertEquals(3, json.get("items").size());
        var first = json.get("items").get(0);
        assertEquals("ru", first.get("lang").asText());
        assertTrue(first.get("url").asText().startsWith("http://localhost:" + server.port() + "/ru/stati/"));
        assertTrue(first.get("published").asText().compareTo(json.get("items").get(1).get("published").asText()) >= 0);
        for (var item : json.get("items")) {
            assertTrue(item.get("reviewed").asText().matches("\\d{4}-\\d{2}-\\d{2}"), item.toString());
            var source = item.get("sources").get(0);
            assertTrue(source.get("url").asText().matches("https?://.+"), item.toString());
            assertTrue(!source.get("title").asText().isBlank() && !source.get("publisher").asText().isBlank(), item.toString());
            assertTrue(source.get("consulted").asText().matches("\\d{4}-\\d{2}-\\d{2}"), item.toString());
        }
        HttpResponse<String> page = get("/api/v1/articles?lang=ro&category=tari&size=100", Map.of());
        var countries = new com.fasterxml.jackson.databind.ObjectMapper().readTree(page.body()).get("items");
        assertTrue(countries.size() >= 6);
        countries.forEach(item -> assertEquals("tari", item.get("category").asText()));
    }

    @Test
    void searchApiFindsAndMarksInBothLanguages() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var ro = mapper.readTree(get("/api/v1/search?lang=ro&q=pasaport", Map.of()).body());
        assertTrue(ro.get("total").asInt() > 0);
        assertTrue(ro.get("totalExact").asBoolean(), "a few dozen articles are counted exactly");
        var hit = ro.get("hits").get(0);
        assertEquals("article", hit.get("type").asText());
        assertEquals("ro", hit.get("lang").asText());
        assertTrue(hit.get("url").asText().contains("/ro/articole/"));
        assertTrue(hit.get("snippet").asText().contains("<mark>"));
        assertTrue(ro.get("suggestion").isNull());
        var ru = mapper.readTree(get("/api/v1/search?lang=ru&q=" + java.net.URLEncoder.encode("паспорта", "UTF-8"), Map.of()).body());
        assertTrue(ru.get("total").asInt() > 0);
        var typo = mapper.readTree(get("/api/v1/search?lang=ro&q=pasaprot", Map.of()).body());
        assertTrue(typo.get("suggestion").asText().startsWith("pasaport"), typo.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/search?lang=ro", "/api/v1/search?q=x&type=video", "/api/v1/search?q=x&size=500",
            "/api/v1/search?q=x&lang=de"})
    void badSearchRequestsAreRefusedWithAReason(String path) throws Exception {
        assertEquals(400, get(path, Map.of()).statusCode());
    }

    @Test
    void overlongSearchQueryIsRefusedNotAnError() throws Exception {
        HttpResponse<String> response = get("/api/v1/search?q=" + "x".repeat(10_000), Map.of());
        assertTrue(response.statusCode() == 400 || response.statusCode() == 414, "got " + response.statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/articles?lang=en", "/api/v1/articles?size=1000", "/api/v1/articles?page=abc",
            "/api/v1/articles?category=%3Cscript%3E", "/api/v1/nothing", "/api/"})
    void badApiRequestsGetAJsonReasonAndA4xx(String path) throws Exception {
        HttpResponse<String> response = get(path, Map.of());
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, path + " -> " + response.statusCode());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        assertTrue(json.hasNonNull("error"), response.body());
        assertFalse(response.body().contains("<script"), "nothing reflected as markup");
    }

    @Test
    void sitemapListsEveryPublishedPageWithItsTranslations() throws Exception {
        HttpResponse<String> response = get("/sitemap.xml", Map.of());
        assertEquals(200, response.statusCode());
        var doc = javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var urls = doc.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "url");
        assertTrue(urls.getLength() >= 2 * 24 + 2, "home and every article in both languages: " + urls.getLength());
        String base = "http://localhost:" + server.port();
        assertTrue(response.body().contains("<loc>" + base + "/ro/articole/cum-verifici-o-oferta-de-munca-in-strainatate</loc>"));
        assertTrue(response.body().contains("hreflang=\"ru\" href=\"" + base + "/ru/stati/kak-proverit-predlozhenie-o-rabote-za-rubezhom\""));
        assertTrue(response.body().contains("hreflang=\"x-default\""));
    }

    @Test
    void robotsPointsToTheSitemapAndKeepsCrawlersOutOfTheBackOffice() throws Exception {
        HttpResponse<String> response = get("/robots.txt", Map.of());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Disallow: /admin/"));
        assertTrue(response.body().contains("Sitemap: http://localhost:" + server.port() + "/sitemap.xml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ro", "ru"})
    void atomFeedListsTheNewestArticlesOfItsLanguage(String lang) throws Exception {
        HttpResponse<String> response = get("/" + lang + "/feed.atom", Map.of());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
        var doc = javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(lang, doc.getDocumentElement().getAttribute("xml:lang"));
        var entries = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertTrue(entries.getLength() >= 24, "entries: " + entries.getLength());
        assertTrue(response.body().contains(lang.equals("ro") ? "/ro/articole/" : "/ru/stati/"));
    }

    static final String READER = "Mozilla/5.0 (Linux; Android 13; SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/120.0.0.0 Mobile Safari/537.36";

    @Test
    void onlyReadersOfPublicPagesAreCounted() throws Exception {
        var counter = server.services().visitCounter();
        var stats = server.services().visitStatistics();
        assertTrue(counter.flush());
        long before = stats.month(stats.currentMonth()).pageviews();
        Map<String, String> reader = Map.of("User-Agent", READER);
        String home = get("/ro/", reader).body();
        get("/ru/", reader);
        get("/ro/cautare?q=pasaport", reader);
        assertTrue(home.contains("<style>"), "a public page carries its stylesheet inline");
        String login = get("/admin/login", reader).body();
        var css = java.util.regex.Pattern.compile("href=\"([^\"]*wicket/resource/[^\"]*\\.css[^\"]*)\"").matcher(login);
        assertTrue(css.find(), "the back office links its stylesheet");
        String cssPath = URI.create("http://localhost/admin/login").resolve(css.group(1).replace("&amp;", "&")).getRawPath();
        assertEquals(200, get(cssPath, reader).statusCode(), cssPath);
        for (String notAPage : List.of("/ro/nothing-here", "/health", "/api/v1/articles", "/ro/feed.atom", "/sitemap.xml",
                "/robots.txt", "/admin/login", "/api/v1/report/2025", "/ro/raport/2025/months.csv")) {
            get(notAPage, reader);
        }
        for (String bot : List.of("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "curl/8.5.0",
                "WhatsApp/2.23.20.0 A", "TelegramBot (like TwitterBot)", "facebookexternalhit/1.1", "Viber/21.0")) {
            get("/ro/", Map.of("User-Agent", bot));
        }
        get("/ro/", Map.of("User-Agent", READER, "Sec-Purpose", "prefetch"));
        get("/ro/", Map.of("User-Agent", READER, "Purpose", "prefetch"));
        assertTrue(counter.flush());
        assertEquals(3, stats.month(stats.currentMonth()).pageviews() - before,
                "the three public pages a reader opened, nothing else");
    }

    @Test
    void reportApiGivesTheFactsheetFiguresFor2025() throws Exception {
        HttpResponse<String> response = get("/api/v1/report/2025", Map.of());
        assertEquals(200, response.statusCode());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        assertEquals(2025, json.get("year").asInt());
        assertEquals(12, json.get("months").size());
        assertEquals(11123, json.get("months").get(0).get("visits").asLong());
        assertEquals(3610, json.get("months").get(0).get("uniqueVisitors").asLong());
        assertEquals(1, json.get("months").get(0).get("month").asInt());
        assertEquals(123_768, json.get("totals").get("visits").asLong());
        assertEquals(48_878, json.get("totals").get("uniqueVisitors").asLong());
        assertTrue(json.get("totals").has("pageviews"));
        assertTrue(json.get("articlesPublished").isNumber());
        assertEquals(6, json.get("events").get("byType").size());
        assertTrue(json.get("events").has("participants") && json.get("events").has("materials"));
        assertTrue(json.get("riskChecks").get("byTier").has("high"));
        assertTrue(json.get("consultations").has("sos"));
        assertTrue(json.get("entered").isNull(), "the administrator's figures wait for publication");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/report/2014", "/api/v1/report/3000", "/api/v1/report/abc", "/api/v1/report/"})
    void reportApiRefusesYearsWithoutAReport(String path) throws Exception {
        HttpResponse<String> response = get(path, Map.of());
        assertEquals(404, response.statusCode(), path);
        assertTrue(new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).hasNonNull("error"));
    }

    @Test
    void aTakenPortStopsTheStartNamingTheSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Map<String, String> env = TestDatabases.portalEnvironment(Files.createTempDirectory("portal-port-test"));
            env.put("PORTAL_PORT", String.valueOf(taken.getLocalPort()));
            PortalConfig config = PortalConfig.from(env, new Properties());
            ConfigException e = assertThrows(ConfigException.class, () -> PortalServer.start(config));
            assertEquals("PORTAL_PORT", e.setting());
            assertTrue(e.getMessage().contains("already in use"), e.getMessage());
        }
    }

    @Test
    void anUnreachableDatabaseStopsTheStartWithinSecondsNamingTheSetting() throws Exception {
        Map<String, String> env = TestDatabases.portalEnvironment(Files.createTempDirectory("portal-db-test"));
        env.put("PORTAL_DB_URL", "jdbc:mariadb://127.0.0.1:1/portal");
        PortalConfig config = PortalConfig.from(env, new Properties());
        long started = System.nanoTime();
        ConfigException e = assertThrows(ConfigException.class, () -> PortalServer.start(config));
        assertEquals("PORTAL_DB_URL", e.setting());
        assertTrue((System.nanoTime() - started) / 1_000_000_000 < 15, "noticed in seconds");
    }

    @Test
    void anUnwritableDataDirectoryStopsTheStartNamingTheSetting() throws Exception {
        Path file = Files.createTempFile("portal-not-a-dir", ".txt");
        Map<String, String> env = TestDatabases.portalEnvironment(file.resolve("data"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> PortalServer.start(PortalConfig.from(env, new Properties())));
        assertEquals("PORTAL_DATA_DIR", e.setting());
    }

    private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
