package md.migratiesigura.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.config.PortalConfig;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The back office over real HTTP, in process: redirects, the session cookie, caching headers, CSRF refusal. */
class BackOfficeServerTest {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*class=\"admin-form\"[^>]*action=\"([^\"]+)\"");

    private static PortalServer server;
    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws IOException {
        Map<String, String> env = TestDatabases.portalEnvironment(Files.createTempDirectory("portal-admin-server-test"));
        env.put("PORTAL_ADMIN_EMAIL", TestPortal.ADMIN_EMAIL);
        env.put("PORTAL_ADMIN_PASSWORD", TestPortal.ADMIN_ONE_TIME_PASSWORD);
        server = PortalServer.start(PortalConfig.from(env, new Properties()));
        TestPortal.firstPasswordChanged(server.services());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theBackOfficeSendsAnonymousVisitorsToTheLoginWithoutACookie() throws Exception {
        HttpResponse<String> response = send(get("/admin/users"));
        assertEquals(302, response.statusCode());
        assertTrue(location(response).endsWith("/admin/login"), location(response));
        assertEquals(Optional.empty(), response.headers().firstValue("Set-Cookie"), "probing gets no session");
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));

        HttpResponse<String> bare = send(get("/admin"));
        assertEquals(302, bare.statusCode());
        assertTrue(location(bare).endsWith("/admin/"), location(bare));
    }

    @Test
    void theLoginPageIsNotStoredAndSetsNoCookie() throws Exception {
        HttpResponse<String> response = send(get("/admin/login"));
        assertEquals(200, response.statusCode());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(Optional.empty(), response.headers().firstValue("Set-Cookie"));
        assertTrue(response.body().contains("<html lang=\"ro\">"));
    }

    @Test
    void signingInSetsAStrictHttpOnlySessionCookieAndTheDashboardIsNotStored() throws Exception {
        HttpResponse<String> signedIn = signIn(TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD, "same-origin");
        assertEquals(302, signedIn.statusCode());
        List<String> cookies = signedIn.headers().allValues("Set-Cookie");
        assertEquals(1, cookies.size(), cookies.toString());
        String cookie = cookies.get(0);
        assertTrue(cookie.startsWith("PORTAL_SESSION="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), "plain http base address: " + cookie);

        String session = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> dashboard = send(HttpRequest.newBuilder(uri(location(signedIn))).header("Cookie", session).build());
        assertEquals(200, dashboard.statusCode());
        assertTrue(dashboard.body().contains("Panou de lucru"), "the dashboard is served");
        assertEquals("no-store", dashboard.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(Optional.empty(), dashboard.headers().firstValue("Set-Cookie"), "the cookie is not sent again");
    }

    @Test
    void aLoginPostedFromAnotherSiteIsRefused() throws Exception {
        HttpResponse<String> response = signIn(TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD, "cross-site");
        assertEquals(403, response.statusCode());
        assertEquals(Optional.empty(), response.headers().firstValue("Set-Cookie"));
    }

    @Test
    void theCookieIsHostPrefixedAndSecureBehindHttps() {
        SessionHandler sessions = new SessionHandler();
        PortalServer.configureSessions(sessions, configWithBaseUrl("https://migratiesigura.md"));
        assertEquals("__Host-PORTAL_SESSION", sessions.getSessionCookie());
        assertTrue(sessions.isSecureCookies(), "Secure, as __Host- requires");
        assertEquals("/", sessions.getSessionPath(), "Path=/, as __Host- requires");
        assertTrue(sessions.isHttpOnly());
        assertEquals(HttpCookie.SameSite.STRICT, sessions.getSameSite());
        assertEquals(30 * 60, sessions.getMaxInactiveInterval(), "idle sessions end after 30 minutes");

        SessionHandler plain = new SessionHandler();
        PortalServer.configureSessions(plain, configWithBaseUrl("http://localhost:8080"));
        assertEquals("PORTAL_SESSION", plain.getSessionCookie());
        assertFalse(plain.isSecureCookies());
        assertTrue(plain.isHttpOnly());
        assertEquals(HttpCookie.SameSite.STRICT, plain.getSameSite());
    }

    /** Opens the login page and posts the form as a browser would, with the given {@code Sec-Fetch-Site}. */
    private static HttpResponse<String> signIn(String email, String password, String fetchSite) throws Exception {
        HttpResponse<String> page = send(get("/admin/login"));
        Matcher action = FORM_ACTION.matcher(page.body());
        assertTrue(action.find(), "the login form has an action");
        URI target = uri("/admin/login").resolve(action.group(1).replace("&amp;", "&"));
        String body = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", fetchSite)
                .header("Sec-Fetch-Mode", "navigate")
                .header("Sec-Fetch-Dest", "document")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static PortalConfig configWithBaseUrl(String baseUrl) {
        return PortalConfig.from(Map.of("PORTAL_BASE_URL", baseUrl), new Properties());
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).build();
    }

    private static URI uri(String pathOrUrl) {
        return URI.create("http://localhost:" + server.port() + "/").resolve(pathOrUrl);
    }

    private static String location(HttpResponse<?> response) {
        return uri(response.headers().firstValue("Location").orElse("")).toString();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
