package md.migratiesigura.portal.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.TestDatabases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live chat in two real browsers, a reader on a phone and a counsellor at a desk, against the packaged jar (open
 * all day for the test): queue, accept, messages both ways within two seconds, SOS overtakes a waiting chat, the
 * reader offline for ten seconds then everything arrives once and in order, closing with a topic, quick exit then
 * Back shows nothing; no cookie, no storage and no request to another host on the reader's side.
 */
class ChatIT extends BrowserJourney {

    private static final String ADMIN_EMAIL = "consiliera-chat@example.org";
    private static final String ADMIN_PASSWORD = "chat in timp real pentru test";
    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    ChatIT() {
        super(412, 915);
    }

    @Override
    protected void configure(Map<String, String> env) {
        administrator(env, ADMIN_EMAIL, ADMIN_PASSWORD);
        env.put("PORTAL_CHAT_HOURS", "00:00-24:00");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** The live chats the annual report of this year counts from the hotline register (none before its first entry). */
    private long hotlineChats() throws Exception {
        int year = ZonedDateTime.now(ZoneId.of("Europe/Chisinau")).getYear();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(portal.baseUrl() + "/api/v1/report/" + year)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode hotline = new ObjectMapper().readTree(response.body()).get("hotline");
        return "register".equals(hotline.path("source").asText()) ? hotline.path("chats").asLong() : 0;
    }

    /** A reader through the API, as a partner's app would: returns the token. */
    private String apiReader(boolean sos) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(portal.baseUrl() + "/api/v1/chat")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"lang\":\"ru\",\"sos\":" + sos + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        return response.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void outsideTheHoursThePageSaysSoAndOffersTheHotlineAndTheWrittenConsultation() throws Exception {
        // A second portal whose chat opens two hours from now (Chisinau time) for an hour: closed now.
        int hour = ZonedDateTime.now(ZoneId.of("Europe/Chisinau")).getHour();
        int opens = (hour + 2) % 24;
        String hours = String.format("%02d:00-%s", opens, opens == 23 ? "24:00" : String.format("%02d:00", opens + 1));
        Map<String, String> env = TestDatabases.portalEnvironment(Files.createTempDirectory("portal-chat-closed"));
        env.put("PORTAL_CHAT_HOURS", hours);
        try (PortalProcess closed = PortalProcess.start(env, Duration.ofSeconds(120))) {
            browser.get(closed.baseUrl() + "/ru/chat");
            String main = browser.findElement(By.tagName("main")).getText();
            assertTrue(main.contains("Чат сейчас закрыт"), main);
            assertTrue(main.contains(String.format("%02d:00", opens)), "says when it opens: " + main);
            assertTrue(browser.findElements(By.id("chat-start")).isEmpty(), "no start form while closed");
            assertFalse(browser.findElements(By.cssSelector("main a[href='tel:080077777']")).isEmpty());
            assertFalse(browser.findElements(By.cssSelector("main a[href='/ru/konsultatsiya']")).isEmpty());
            HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(closed.baseUrl() + "/api/v1/chat")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"lang\":\"ru\",\"sos\":true}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, api.statusCode());
            assertTrue(api.body().contains("\"reason\":\"hours\""), api.body());
        }
    }

    @Test
    void aReaderAndACounsellorTalk() throws Exception {
        ChromeDriver reader = browser;
        ChromeDriver counsellor = Browsers.chromium(1280, 900);
        try {
            WebDriverWait staff = Browsers.waitFor(counsellor, Duration.ofSeconds(20));
            Browsers.signIn(counsellor, portal.baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
            counsellor.get(portal.baseUrl() + "/admin/chat");
            WebElement available = staff.until(ExpectedConditions.elementToBeClickable(By.id("chat-available")));
            available.click();
            staff.until(d -> d.findElement(By.id("chat-available")).isSelected());
            Thread.sleep(1500); // the console's next call says so to the server

            reader.get(portal.baseUrl() + "/ro/");
            Browsers.requestedUrls(reader);
            reader.get(portal.baseUrl() + "/ro/chat");
            reader.findElement(By.id("chat-danger-yes")).click();
            assertTrue(reader.findElement(By.id("chat-danger")).isDisplayed(), "yes shows 112 and the hotline at once");
            assertTrue(reader.findElement(By.id("chat-danger")).getText().contains("112"));
            reader.findElement(By.id("chat-danger-no")).click();
            reader.findElement(By.id("chat-begin")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-status"), "la rând"));
            assertEquals("status", reader.findElement(By.id("chat-status")).getAttribute("role"));
            assertEquals("log", reader.findElement(By.id("chat-log")).getAttribute("role"));
            assertEquals("polite", reader.findElement(By.id("chat-log")).getAttribute("aria-live"));
            // The first message may be typed while waiting.
            reader.findElement(By.id("chat-message")).sendKeys("Bună ziua, am o întrebare despre un contract în Italia.");
            reader.findElement(By.id("chat-send-button")).click();
            wait.until(d -> d.findElement(By.id("chat-log")).getText().contains("contract în Italia")
                    && d.findElements(By.cssSelector("#chat-log .pending")).isEmpty());

            // SOS overtakes: a waiting chat, then an SOS one, arrive through the API.
            String plainToken = apiReader(false);
            String sosToken = apiReader(true);
            staff.until(d -> d.findElements(By.cssSelector("[data-chat-accept]")).size() == 3);
            List<WebElement> waiting = counsellor.findElements(By.cssSelector("#chat-waiting li"));
            assertTrue(waiting.get(0).getText().contains("SOS"), "SOS first: " + waiting.get(0).getText());
            assertFalse(waiting.get(1).getText().contains("SOS"));
            assertFalse(counsellor.findElement(By.id("chat-waiting")).getText().contains("Italia"),
                    "no text before acceptance");

            // The reader's chat is the longest waiting of the plain ones: second in the list.
            waiting.get(1).findElement(By.cssSelector("[data-chat-accept]")).click();
            staff.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-chat-log]"),
                    "contract în Italia"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-status"), "Un consultant vă răspunde"));

            counsellor.findElement(By.cssSelector("textarea[name=message]")).sendKeys("Vă ascult. Ce scrie în contract?");
            counsellor.findElement(By.cssSelector("[data-chat-send]")).click();
            Browsers.waitFor(reader, TWO_SECONDS).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("chat-log"), "Ce scrie în contract?"));

            reader.findElement(By.id("chat-message")).sendKeys("Scrie că pașaportul rămâne la agenție.");
            reader.findElement(By.id("chat-send-button")).click();
            Browsers.waitFor(counsellor, TWO_SECONDS).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[data-chat-log]"), "pașaportul rămâne la agenție"));

            // Offline for ten seconds: what the reader types waits, what the counsellor writes waits.
            reader.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
            reader.findElement(By.id("chat-message")).sendKeys("Primul mesaj fără rețea.");
            reader.findElement(By.id("chat-send-button")).click();
            reader.findElement(By.id("chat-message")).sendKeys("Al doilea mesaj fără rețea.");
            reader.findElement(By.id("chat-send-button")).click();
            counsellor.findElement(By.cssSelector("textarea[name=message]")).sendKeys("Nu dați pașaportul nimănui.");
            counsellor.findElement(By.cssSelector("[data-chat-send]")).click();
            Thread.sleep(10_000);
            reader.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
            Browsers.waitFor(reader, Duration.ofSeconds(15)).until(d -> {
                String log = d.findElement(By.id("chat-log")).getText();
                return log.contains("Nu dați pașaportul") && d.findElements(By.cssSelector("#chat-log .pending")).isEmpty();
            });
            staff.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-chat-log]"),
                    "Al doilea mesaj fără rețea."));
            String readerLog = reader.findElement(By.id("chat-log")).getText();
            String counsellorLog = counsellor.findElement(By.cssSelector("[data-chat-log]")).getText();
            for (String log : List.of(readerLog, counsellorLog)) {
                assertEquals(1, count(log, "Primul mesaj fără rețea."), log);
                assertEquals(1, count(log, "Al doilea mesaj fără rețea."), log);
                assertEquals(1, count(log, "Nu dați pașaportul nimănui."), log);
                assertTrue(log.indexOf("Primul mesaj fără rețea.") < log.indexOf("Al doilea mesaj fără rețea."),
                        "in the order typed: " + log);
            }

            // Close with a topic: the reader is told, and the hotline register counts one more chat.
            long chatsBefore = hotlineChats();
            new Select(counsellor.findElement(By.cssSelector("[data-chat-id] select[id^=chat-topic-]")))
                    .selectByValue("job-offer");
            // The kind for the hotline register must be confirmed: without it the chat stays open and the console says so.
            counsellor.findElement(By.cssSelector("[data-chat-close]")).click();
            staff.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-console-status"),
                    "Alegeți tipul conversației"));
            new Select(counsellor.findElement(By.cssSelector("[data-chat-id] select[id^=chat-kind-]")))
                    .selectByValue("prevention");
            counsellor.findElement(By.cssSelector("[data-chat-close]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-status"), "s-a încheiat"));
            assertEquals(chatsBefore + 1, hotlineChats(), "the year's report counts the closed chat");

            // Nothing kept in the reader's browser, nothing asked of another host.
            assertTrue(reader.manage().getCookies().isEmpty(), "no cookie");
            assertEquals(0L, ((Number) reader.executeScript(
                    "return window.localStorage.length + window.sessionStorage.length;")).longValue(), "no storage");
            assertEquals(0L, ((Number) reader.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "navigator.serviceWorker ? navigator.serviceWorker.getRegistrations().then(function (r) {"
                    + " done(r.length); }) : done(0);")).longValue(), "no service worker");
            for (String url : Browsers.requestedUrls(reader)) {
                assertTrue(url.startsWith(portal.baseUrl()) || url.startsWith("data:"), "a request to " + url);
            }

            // Quick exit, then Back: the conversation is not shown again.
            reader.findElement(By.id("quick-exit")).click();
            Thread.sleep(1000);
            reader.navigate().back();
            Thread.sleep(1000);
            String back = reader.getPageSource();
            assertFalse(back.contains("pașaportul rămâne") || back.contains("Ce scrie în contract"),
                    "Back shows nothing of the conversation");

            assertTrue(plainToken.length() > 20 && sosToken.length() > 20);
        } finally {
            counsellor.quit();
        }
    }
}
