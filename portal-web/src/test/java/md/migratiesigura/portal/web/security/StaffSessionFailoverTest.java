package md.migratiesigura.portal.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.web.PortalServer;
import md.migratiesigura.portal.web.TestPortal;
import org.junit.jupiter.api.Test;

/**
 * Two portal nodes on one database, one after the other: a member of staff signed in on one is still signed in, with
 * the same cookie, on the other once the first is gone; signed out there, the session is gone for every node; what the
 * database holds of a session is sealed, named by a hash of its id, and holds no page.
 */
class StaffSessionFailoverTest {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final String DASHBOARD = "Panou de lucru";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aCounsellorStaysSignedInWhenTheirNodeIsLostAndSignsOutEverywhere() throws Exception {
        Map<String, String> env = TestDatabases.portalEnvironment(Files.createTempDirectory("session-failover-a"));
        env.put("PORTAL_ADMIN_EMAIL", TestPortal.ADMIN_EMAIL);
        env.put("PORTAL_ADMIN_PASSWORD", TestPortal.ADMIN_ONE_TIME_PASSWORD);
        env.put("PORTAL_CONSULTATION_KEY", TestPortal.CONSULTATION_KEY);
        Map<String, String> envB = new HashMap<>(env);
        envB.put("PORTAL_DATA_DIR", Files.createTempDirectory("session-failover-b").toString());

        // One Wicket application per JVM: the two nodes take turns here (ClusterIT runs them side by side).
        PortalServer a = PortalServer.start(PortalConfig.from(env, new Properties()));
        PortalServer b = null;
        try {
            TestPortal.firstPasswordChanged(a.services());
            String cookie = signIn(a);
            assertTrue(get(a, "/admin/", cookie).body().contains(DASHBOARD));

            // What the database holds: no cookie value, no e-mail, no page (sealed; opened here with the node's key).
            String id = cookie.substring(cookie.indexOf('=') + 1).replaceFirst("\\..*$", "");
            for (byte[] row : storedRows(env)) {
                String raw = new String(row, StandardCharsets.ISO_8859_1);
                assertFalse(raw.contains(id) || raw.contains(TestPortal.ADMIN_EMAIL), "the row is sealed");
            }
            byte[] opened = a.services().staffSessionRecords().orElseThrow()
                    .load(id, System.currentTimeMillis()).orElseThrow();
            String plain = new String(opened, StandardCharsets.ISO_8859_1);
            assertTrue(plain.contains("Snapshot"), "the session's snapshot is kept");
            assertFalse(plain.contains("wicket") || plain.contains("Page"), "no page and no Wicket session is stored");

            // A is lost; B, which never saw the session, serves the signed-in member of staff with the same cookie.
            a.close();
            a = null;
            b = PortalServer.start(PortalConfig.from(envB, new Properties()));
            HttpResponse<String> onB = get(b, "/admin/", cookie);
            assertEquals(200, onB.statusCode(), "still signed in after the node's loss: " + onB.headers().map());
            assertTrue(onB.body().contains(DASHBOARD));
            assertTrue(onB.headers().allValues("Set-Cookie").isEmpty(), "no new cookie: the same session goes on");
            // A stateful page: Wicket sends it to its instance's address, on this node, signed in.
            HttpResponse<String> articles = get(b, "/admin/articles", cookie);
            String instance = articles.headers().firstValue("Location").orElse("/admin/articles");
            assertTrue(instance.contains("/admin/articles"), "not sent to the login: " + instance);
            assertEquals(200, get(b, instance, cookie).statusCode());

            // Signed out on B: gone from the database, so no node takes it over any more.
            signOut(b, cookie);
            b.close();
            b = null;
            a = PortalServer.start(PortalConfig.from(env, new Properties()));
            HttpResponse<String> afterSignOut = get(a, "/admin/", cookie);
            assertEquals(302, afterSignOut.statusCode(), "signed out on B, so signed out on A");
            assertTrue(afterSignOut.headers().firstValue("Location").orElse("").contains("/admin/login"));
        } finally {
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
        }
    }

    private String signIn(PortalServer node) throws Exception {
        HttpResponse<String> page = get(node, "/admin/login", null);
        Matcher action = FORM_ACTION.matcher(page.body());
        assertTrue(action.find(), "the login form has an action");
        String body = "email=" + URLEncoder.encode(TestPortal.ADMIN_EMAIL, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(TestPortal.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = post(node, uri(node, "/admin/login").resolve(action.group(1).replace("&amp;", "&")),
                body, null);
        assertEquals(302, signedIn.statusCode(), "signed in");
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private void signOut(PortalServer node, String cookie) throws Exception {
        HttpResponse<String> page = get(node, "/admin/", cookie);
        Matcher forms = FORM_ACTION.matcher(page.body());
        String logout = null;
        while (forms.find()) {
            if (forms.group(1).contains("logoutForm")) {
                logout = forms.group(1).replace("&amp;", "&");
            }
        }
        assertTrue(logout != null, "the dashboard has the logout form");
        HttpResponse<String> out = post(node, uri(node, "/admin/").resolve(logout), "", cookie);
        assertEquals(302, out.statusCode(), "signed out: " + out.body());
    }

    private HttpResponse<String> get(PortalServer node, String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(node, path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(PortalServer node, URI target, String body, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "same-origin").header("Sec-Fetch-Mode", "navigate")
                .header("Sec-Fetch-Dest", "document")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(PortalServer node, String path) {
        return URI.create("http://localhost:" + node.port() + "/").resolve(path);
    }

    private static List<byte[]> storedRows(Map<String, String> env) throws Exception {
        List<byte[]> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(env.get("PORTAL_DB_URL"), env.get("PORTAL_DB_USER"),
                env.get("PORTAL_DB_PASSWORD")); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id_hash, sealed FROM staff_sessions")) {
            while (rs.next()) {
                rows.add(rs.getBytes(1));
                rows.add(rs.getBytes(2));
            }
        }
        assertFalse(rows.isEmpty(), "the session is in the database");
        return rows;
    }
}
