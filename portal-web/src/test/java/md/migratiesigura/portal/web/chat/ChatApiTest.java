package md.migratiesigura.portal.web.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.consultation.InboxFilter;
import md.migratiesigura.portal.consultation.Topic;
import md.migratiesigura.portal.web.PortalServer;
import md.migratiesigura.portal.web.TestPortal;
import md.migratiesigura.portal.web.api.ApiServlet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reader's chat API over HTTP against a live portal (open all day for the test), as a partner's app uses it. */
class ChatApiTest {

    private static PortalServer server;
    private static SignedInUser counsellor;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static int addresses;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = TestDatabases.portalEnvironment(Files.createTempDirectory("chat-api"));
        env.put("PORTAL_TRUSTED_PROXIES", "127.0.0.1/32, ::1");
        env.put("PORTAL_ADMIN_EMAIL", TestPortal.ADMIN_EMAIL);
        env.put("PORTAL_ADMIN_PASSWORD", TestPortal.ADMIN_ONE_TIME_PASSWORD);
        env.put("PORTAL_CHAT_HOURS", "00:00-24:00");
        server = PortalServer.start(PortalConfig.from(env, new Properties()));
        counsellor = TestPortal.administrator(server.services());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    record Answer(int status, JsonNode json) {
    }

    private static Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), ApiServlet.JSON.readTree(response.body()));
    }

    private static HttpRequest.Builder post(String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("X-Forwarded-For", "192.0.2." + (++addresses % 250))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private static HttpRequest events(String token, int after) {
        return HttpRequest.newBuilder(uri("/api/v1/chat/events?after=" + after))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    private static String startChat(boolean sos) throws Exception {
        server.services().chatConsole().presence(counsellor, true);
        Answer started = send(post("/api/v1/chat", null, "{\"lang\":\"ru\",\"sos\":" + sos + "}").build());
        assertEquals(201, started.status(), started.json().toString());
        assertEquals("queued", started.json().get("state").asText());
        assertTrue(started.json().get("position").asInt() >= 1);
        assertEquals(2, started.json().get("waitMinutes").size());
        return started.json().get("token").asText();
    }

    @Test
    void closedWithoutCounsellorSaysWhyAndWhereElse() throws Exception {
        server.services().chatConsole().presence(counsellor, false);
        Answer closed = send(post("/api/v1/chat", null, "{\"lang\":\"ro\",\"sos\":false}").build());
        assertEquals(200, closed.status());
        assertEquals("closed", closed.json().get("state").asText());
        assertEquals("no-counsellor", closed.json().get("reason").asText());
        assertEquals("0 800 77777", closed.json().get("hotline").asText());
        assertTrue(closed.json().get("consultationUrl").asText().endsWith("/ro/consultatie"));
        assertFalse(closed.json().has("token"));
    }

    @Test
    void badRequestsGetTheirStatusAndAJsonMessage() throws Exception {
        String token = startChat(false);
        assertEquals(401, send(events("wrong-token-wrong-token-wrong", 0)).status());
        Answer noToken = send(HttpRequest.newBuilder(uri("/api/v1/chat/events?after=0&token=" + token)).GET().build());
        assertEquals(401, noToken.status(), "a token in the address is not read");
        assertTrue(noToken.json().has("error"));
        assertEquals(415, send(HttpRequest.newBuilder(uri("/api/v1/chat/messages")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")).build()).status());
        assertEquals(405, send(HttpRequest.newBuilder(uri("/api/v1/chat/messages")).header("Authorization", "Bearer " + token)
                .GET().build()).status());
        assertEquals(400, send(post("/api/v1/chat/messages", token, "{not json").build()).status());
        assertEquals(400, send(post("/api/v1/chat", null, "{\"lang\":\"en\"}").build()).status());
        Answer tooLong = send(post("/api/v1/chat/messages", token,
                "{\"text\":\"" + "a".repeat(2001) + "\",\"clientId\":\"x1\"}").build());
        assertEquals(413, tooLong.status());
        assertTrue(tooLong.json().get("error").asText().contains("2000"));

        Answer ended = send(post("/api/v1/chat/end", token, "{}").build());
        assertEquals(200, ended.status());
        assertEquals("ended", ended.json().get("state").asText());
        assertEquals(401, send(events(token, 0)).status(), "an ended token opens nothing");
    }

    @Test
    void sameClientIdStoredOnceAndTooManyMessagesAre429() throws Exception {
        String token = startChat(false);
        Answer first = send(post("/api/v1/chat/messages", token, "{\"text\":\"Bună ziua\",\"clientId\":\"c-1\"}").build());
        Answer again = send(post("/api/v1/chat/messages", token, "{\"text\":\"Bună ziua\",\"clientId\":\"c-1\"}").build());
        assertEquals(202, first.status());
        assertEquals(first.json().get("seq").asInt(), again.json().get("seq").asInt());
        JsonNode news = send(events(token, 0)).json();
        assertEquals(1, news.get("events").size());
        assertEquals("reader", news.get("events").get(0).get("from").asText());
        int status = 202;
        for (int i = 0; i < 40 && status == 202; i++) {
            status = send(post("/api/v1/chat/messages", token, "{\"text\":\"m" + i + "\",\"clientId\":\"n" + i + "\"}")
                    .build()).status();
        }
        assertEquals(429, status);
    }

    @Test
    void continuingInWritingGivesTheReaderATicketAndPhraseInTheChat() throws Exception {
        String token = startChat(false);
        long chatId = server.services().chat().chatOf(token).orElseThrow();
        send(post("/api/v1/chat/messages", token, "{\"text\":\"Sora mea nu mai răspunde de o săptămână.\",\"clientId\":\"w1\"}")
                .build());
        server.services().chatConsole().accept(counsellor, chatId);
        var submitted = server.services().chatConsole().continueInWriting(counsellor, chatId,
                Topic.MISSING_RELATIVE, "https://example.org/ro/consultatie/raspuns");
        JsonNode news = send(events(token, 0)).json();
        String all = news.get("events").toString();
        assertTrue(all.contains(submitted.displayTicket()) && all.contains(submitted.phrase()), all);
        assertEquals("ended", news.get("state").asText());
        assertTrue(server.services().consultations().inbox(InboxFilter.OPEN,
                counsellor).stream().anyMatch(c -> c.displayTicket().equals(submitted.displayTicket())));
    }

    @Test
    void longPollReturnsWhenTheCounsellorWrites() throws Exception {
        String token = startChat(true);
        long chatId = server.services().chat().chatOf(token).orElseThrow();
        JsonNode now = send(events(token, 0)).json();
        assertEquals("queued", now.get("state").asText());
        int last = 0;
        for (JsonNode e : now.get("events")) {
            last = e.get("seq").asInt();
        }
        CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(events(token, last),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(1500);
        assertFalse(waiting.isDone(), "nothing new: the request waits");
        server.services().chatConsole().accept(counsellor, chatId);
        long sent = System.nanoTime();
        JsonNode news = ApiServlet.JSON.readTree(waiting.get(5, TimeUnit.SECONDS).body());
        assertTrue(System.nanoTime() - sent < 2_000_000_000L, "news arrives within two seconds");
        assertEquals("active", news.get("state").asText());
        int seq = news.get("events").get(news.get("events").size() - 1).get("seq").asInt();

        CompletableFuture<HttpResponse<String>> next = http.sendAsync(events(token, seq), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(500);
        server.services().chatConsole().send(counsellor, chatId, "k-1", "Vă ascult, spuneți.");
        JsonNode answer = ApiServlet.JSON.readTree(next.get(5, TimeUnit.SECONDS).body());
        JsonNode event = answer.get("events").get(0);
        assertEquals("counsellor", event.get("from").asText());
        assertEquals("Vă ascult, spuneți.", event.get("text").asText());
        assertEquals(seq + 1, event.get("seq").asInt());
    }
}
