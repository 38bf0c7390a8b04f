package md.migratiesigura.portal.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live chat across two packaged portals on one database, as behind nginx: the reader's phone reaches node A
 * through a loopback proxy (standing for nginx: each connection to the first node that accepts it), the counsellor
 * works on node B. Accepted on B, messages go both ways within two seconds; node A is killed (SIGKILL) in the middle
 * of the chat, the reader's page carries on through node B, and both sides end with every message once, in the
 * order written.
 */
class ChatTwoNodesIT extends BrowserJourney {

    private static final String ADMIN_EMAIL = "consiliera-noduri@example.org";
    private static final String ADMIN_PASSWORD = "doua noduri pentru chat in test";
    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    @TempDir
    Path work;

    ChatTwoNodesIT() {
        super(412, 915);
    }

    @Override
    protected void configure(Map<String, String> env) {
        administrator(env, ADMIN_EMAIL, ADMIN_PASSWORD);
        env.put("PORTAL_CHAT_HOURS", "00:00-24:00");
        // Messages are sealed with the consultations' key: every node needs the same one (docs/operations.md).
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        env.put("PORTAL_CONSULTATION_KEY", java.util.Base64.getEncoder().encodeToString(key));
    }

    private static void readerSends(ChromeDriver reader, String text) {
        reader.findElement(By.id("chat-message")).sendKeys(text);
        reader.findElement(By.id("chat-send-button")).click();
    }

    private static void counsellorSends(ChromeDriver counsellor, String text) {
        counsellor.findElement(By.cssSelector("textarea[name=message]")).sendKeys(text);
        counsellor.findElement(By.cssSelector("[data-chat-send]")).click();
    }

    private static String readerLog(ChromeDriver reader) {
        return reader.findElement(By.id("chat-log")).getText();
    }

    private static String counsellorLog(ChromeDriver counsellor) {
        return counsellor.findElement(By.cssSelector("[data-chat-log]")).getText();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void theReadersNodeDiesMidChatAndTheChatCarriesOnThroughTheOther() throws Exception {
        PortalProcess nodeA = portal;
        Map<String, String> b = new HashMap<>(environment);
        b.put("PORTAL_DATA_DIR", Files.createDirectory(work.resolve("node-b")).toString());
        ExecutorService starting = Executors.newSingleThreadExecutor();
        Future<PortalProcess> startingB = starting.submit(() -> PortalProcess.start(b, Duration.ofSeconds(180)));
        ChromeDriver reader = browser;
        ChromeDriver counsellor = Browsers.chromium(1280, 900);
        try (PortalProcess nodeB = startingB.get();
             LoopbackProxy nginx = new LoopbackProxy(List.of(nodeA.port(), nodeB.port()))) {
            WebDriverWait staff = Browsers.waitFor(counsellor, Duration.ofSeconds(20));
            Browsers.signIn(counsellor, nodeB.baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
            counsellor.get(nodeB.baseUrl() + "/admin/chat");
            staff.until(ExpectedConditions.elementToBeClickable(By.id("chat-available"))).click();
            staff.until(d -> d.findElement(By.id("chat-available")).isSelected());
            Thread.sleep(1500); // the console's next call says so to the server

            reader.get(nginx.baseUrl() + "/ro/chat");
            reader.findElement(By.id("chat-danger-no")).click();
            reader.findElement(By.id("chat-begin")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-status"), "la rând"));
            readerSends(reader, "Mesajul 1 al cititorului, prin nodul A.");
            wait.until(d -> readerLog(reader).contains("Mesajul 1") && d.findElements(By.cssSelector("#chat-log .pending")).isEmpty());
            assertTrue(nginx.connectionsTo(nodeA.port()) > 0 && nginx.connectionsTo(nodeB.port()) == 0,
                    "the reader is on node A");

            // Accepted on node B: node B's console shows what the reader wrote through node A.
            staff.until(d -> !d.findElements(By.cssSelector("[data-chat-accept]")).isEmpty());
            counsellor.findElement(By.cssSelector("[data-chat-accept]")).click();
            try {
                staff.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-chat-log]"), "Mesajul 1"));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("not accepted on node B; console status: '"
                        + counsellor.findElement(By.id("chat-console-status")).getText() + "', waiting: '"
                        + counsellor.findElement(By.id("chat-waiting")).getText() + "'\nnode B:\n"
                        + tail(nodeB.output()) + "\nnode A:\n" + tail(nodeA.output()), e);
            }
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-status"), "Un consultant vă răspunde"));

            counsellorSends(counsellor, "Răspunsul 1 al consultantei, prin nodul B.");
            Browsers.waitFor(reader, TWO_SECONDS).until(d -> readerLog(reader).contains("Răspunsul 1"));
            readerSends(reader, "Mesajul 2 al cititorului, prin nodul A.");
            Browsers.waitFor(counsellor, TWO_SECONDS).until(d -> counsellorLog(counsellor).contains("Mesajul 2"));

            // Node A dies while the reader's long-poll waits on it. Both sides keep writing meanwhile.
            nodeA.kill();
            counsellorSends(counsellor, "Răspunsul 2, scris când nodul A a căzut.");
            readerSends(reader, "Mesajul 3, scris când nodul A a căzut.");
            readerSends(reader, "Mesajul 4, imediat după.");
            Browsers.waitFor(reader, Duration.ofSeconds(15)).until(d -> readerLog(reader).contains("Răspunsul 2")
                    && d.findElements(By.cssSelector("#chat-log .pending")).isEmpty());
            staff.until(d -> counsellorLog(counsellor).contains("Mesajul 4"));
            assertTrue(nginx.connectionsTo(nodeB.port()) > 0, "the reader's page carried on through node B");

            // Through node B only now: both ways within two seconds again.
            counsellorSends(counsellor, "Răspunsul 3, prin nodul B.");
            Browsers.waitFor(reader, TWO_SECONDS).until(d -> readerLog(reader).contains("Răspunsul 3"));
            readerSends(reader, "Mesajul 5, prin nodul B.");
            Browsers.waitFor(counsellor, TWO_SECONDS).until(d -> counsellorLog(counsellor).contains("Mesajul 5"));

            List<String> order = List.of("Mesajul 1", "Răspunsul 1", "Mesajul 2", "Răspunsul 2", "Mesajul 3",
                    "Mesajul 4", "Răspunsul 3", "Mesajul 5");
            for (String log : List.of(readerLog(reader), counsellorLog(counsellor))) {
                List<Integer> at = new ArrayList<>();
                for (String line : order) {
                    assertEquals(1, count(log, line), "once: " + line + " in\n" + log);
                    at.add(log.indexOf(line));
                }
                // "Răspunsul 2" and "Mesajul 3"/"Mesajul 4" were written at the same time on both sides: what is fixed
                // is each side's own order, and that both sides show the same order (the server's numbering).
                for (String[] pair : new String[][] {{"Mesajul 1", "Mesajul 2"}, {"Mesajul 2", "Mesajul 3"},
                        {"Mesajul 3", "Mesajul 4"}, {"Mesajul 4", "Mesajul 5"}, {"Răspunsul 1", "Răspunsul 2"},
                        {"Răspunsul 2", "Răspunsul 3"}, {"Mesajul 2", "Răspunsul 2"}, {"Răspunsul 3", "Mesajul 5"}}) {
                    assertTrue(log.indexOf(pair[0]) < log.indexOf(pair[1]), pair[0] + " before " + pair[1] + ":\n" + log);
                }
                assertEquals(order.size(), at.stream().distinct().count());
            }
            assertEquals(sequence(readerLog(reader), order), sequence(counsellorLog(counsellor), order),
                    "both sides show the same order");
            WebElement status = reader.findElement(By.id("chat-status"));
            assertTrue(status.getText().contains("Un consultant vă răspunde"), status.getText());
        } finally {
            counsellor.quit();
            starting.shutdownNow();
        }
    }

    private static String tail(String output) {
        return output.length() > 4000 ? output.substring(output.length() - 4000) : output;
    }

    /** The lines of {@code order} as they appear in the log. */
    private static List<String> sequence(String log, List<String> order) {
        List<String> seen = new ArrayList<>(order);
        seen.sort((x, y) -> Integer.compare(log.indexOf(x), log.indexOf(y)));
        return seen;
    }
}
