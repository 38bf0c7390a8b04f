package md.migratiesigura.portal.web.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.web.PortalServer;
import md.migratiesigura.portal.web.TestPortal;
import md.migratiesigura.portal.web.api.ApiServlet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A counsellor whose back-office session ends without signing out (here: an administrator ends the account's
 * sessions) gives the chat back to the head of the queue at once, and the reader is told; over HTTP against a live
 * portal, the counsellor signed in through the login form and working through the console's feed.
 */
class ChatConsoleSessionsTest {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*class=\"admin-form\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private static PortalServer server;
    private static int addresses;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = TestDatabases.portalEnvironment(Files.createTempDirectory("chat-sessions"));
        env.put("PORTAL_TRUSTED_PROXIES", "127.0.0.1/32, ::1");
        env.put("PORTAL_ADMIN_EMAIL", TestPortal.ADMIN_EMAIL);
        env.put("PORTAL_ADMIN_PASSWORD", TestPortal.ADMIN_ONE_TIME_PASSWORD);
        env.put("PORTAL_CHAT_HOURS", "00:00-24:00");
        server = PortalServer.start(PortalConfig.from(env, new Properties()));
        TestPortal.firstPasswordChanged(server.services());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    /** A counsellor's browser: signs in through the login form, then calls the console's feed. */
    private static final class Console {
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        void signIn(String email, String password) throws Exception {
            URI login = uri("/admin/login");
            String page = client.send(HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher form = FORM_ACTION.matcher(page);
            assertTrue(form.find(), page);
            Matcher action = ACTION.matcher(form.group());
            assertTrue(action.find(), form.group());
            HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(login.resolve(action.group(1)
                            .replace("&amp;", "&"))).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Sec-Fetch-Site", "same-origin")
                    .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("/admin/", signedIn.uri().getPath(), "signed in: " + signedIn.statusCode() + " "
                    + signedIn.body().replaceAll("(?s).*<main", "<main").replaceAll("(?s)</main>.*", ""));
        }

        HttpResponse<String> feed(String body) throws Exception {
            return client.send(HttpRequest.newBuilder(uri("/admin/chat/feed")).header("Content-Type", "application/json")
                    .header("Sec-Fetch-Site", "same-origin")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String reader() throws Exception {
        HttpResponse<String> started = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/chat"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100." + (++addresses))
                .POST(HttpRequest.BodyPublishers.ofString("{\"lang\":\"ro\",\"sos\":false}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, started.statusCode(), started.body());
        return ApiServlet.JSON.readTree(started.body()).get("token").asText();
    }

    private static JsonNode events(String token) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                uri("/api/v1/chat/events?after=0")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return ApiServlet.JSON.readTree(answer.body());
    }

    @Test
    void aCounsellorWhoseSessionEndsGivesTheChatBackToTheHeadOfTheQueueAndTheReaderIsTold() throws Exception {
        String email = TestPortal.newStaff(server.services(), Role.COUNSELLOR);
        long counsellorId = server.services().users().list().stream().filter(u -> u.email().equals(email))
                .findFirst().orElseThrow().id();
        Console console = new Console();
        console.signIn(email, TestPortal.STAFF_PASSWORD);
        assertEquals(200, console.feed("{\"action\":\"available\",\"available\":true}").statusCode());

        String talking = reader();
        HttpResponse<String> feed = console.feed("{\"action\":\"poll\"}");
        long chat = ApiServlet.JSON.readTree(feed.body()).get("waiting").get(0).get("id").asLong();
        assertEquals(200, console.feed("{\"action\":\"accept\",\"id\":" + chat + "}").statusCode());
        assertEquals("active", events(talking).get("state").asText());
        String waiting = reader();
        assertEquals(1, events(waiting).get("position").asInt(), "the other reader is first in the queue");

        // An administrator ends the counsellor's sessions; the console's next call finds its session ended.
        server.services().users().endSessions(TestPortal.administrator(server.services()), counsellorId);
        assertEquals(403, console.feed("{\"action\":\"poll\"}").statusCode(), "the console is signed out");

        JsonNode told = events(talking);
        assertEquals("queued", told.get("state").asText(), told.toString());
        assertEquals(1, told.get("position").asInt(), "given back to the head of the queue, before the other reader");
        JsonNode last = told.get("events").get(told.get("events").size() - 1);
        assertEquals("system", last.get("from").asText());
        assertTrue(last.get("text").asText().length() > 10, "the reader is told: " + last);
        assertEquals(2, events(waiting).get("position").asInt());
        assertEquals(false, server.services().chatConsole().waiting().isEmpty());
    }
}
