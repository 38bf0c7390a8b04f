package md.migratiesigura.portal.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two packaged portals on two ports against one MariaDB, as behind nginx (docs/operations.md, "Several machines"): an article
 * published in the back office of node A is found by search and shown on node B within seconds; pageviews sent to
 * both add up exactly in the report; node B killed in the middle of traffic leaves node A serving, and nothing is
 * counted twice.
 */
class TwoNodesIT extends BrowserJourney {

    private static final String ADMIN_EMAIL = "redactor-sef@example.org";
    private static final String ADMIN_PASSWORD = "o parola lunga pentru redactie";
    private static final String BROWSER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";
    private static final Pattern TOTAL_PAGEVIEWS = Pattern.compile("\"totals\":\\{[^}]*\"pageviews\":(\\d+)");
    private static final Pattern TOTAL_VISITS = Pattern.compile("\"totals\":\\{[^}]*\"visits\":(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger nextAddress = new AtomicInteger();

    @TempDir
    Path work;

    TwoNodesIT() {
        super(1280, 900);
    }

    /** Node A is the journey's portal. */
    @Override
    protected void configure(Map<String, String> env) {
        administrator(env, ADMIN_EMAIL, ADMIN_PASSWORD);
        env.put("PORTAL_TRUSTED_PROXIES", "127.0.0.1/32, ::1/128");
    }

    @Test
    void twoNodesOnOneDatabaseShareContentSearchAndCounts() throws Exception {
        PortalProcess nodeA = portal;
        // Node B: the same database and settings, a data directory (and search index) of its own.
        Map<String, String> b = new HashMap<>(environment);
        b.put("PORTAL_DATA_DIR", Files.createDirectory(work.resolve("node-b")).toString());

        ExecutorService starting = Executors.newSingleThreadExecutor();
        try (PortalProcess nodeB = awaitStarted(starting.submit(() -> PortalProcess.start(b, Duration.ofSeconds(120))),
                () -> signIn(nodeA))) {
            // Node B's home page is in its page cache before the article exists.
            assertEquals(200, get(nodeB, "/ro/", "192.0.2.1").statusCode());

            String word = "zarzavat" + randomLetters(6);
            String slug = publish(browser, "Munca sezonieră: " + word);
            // The browser's work is done: its memory is better spent on the two nodes (quitting twice is harmless).
            browser.quit();
            assertTrue(within(Duration.ofSeconds(5), () -> body(nodeB, "/api/v1/search?lang=ro&q="
                    + URLEncoder.encode(word, StandardCharsets.UTF_8)).contains(slug)),
                    "published on node A, found by the search of node B within seconds");
            assertTrue(body(nodeB, "/ro/articole/" + slug).contains(word), "node B serves the article");
            assertTrue(within(Duration.ofSeconds(5), () -> body(nodeB, "/ro/").contains(word)),
                    "node B's cached home page moved on with the content");

            // Traffic to both nodes: the report counts every pageview once, whichever node served it.
            int year = LocalDate.now(ZoneId.of("Europe/Chisinau")).getYear();
            long[] before = settledTotals(nodeA, year);
            int sentA = traffic(nodeA, 60);
            int sentB = traffic(nodeB, 60);
            assertEquals(120, sentA + sentB, "every page was served");
            long[] after = settledTotals(nodeB, year);
            assertEquals(before[0] + 120, after[0], "pageviews from both nodes add up exactly");
            assertEquals(before[1] + 120, after[1], "one visit per reader (each came from its own address)");

            // Node B dies (SIGKILL) in the middle of traffic to both; node A keeps serving every request.
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                AtomicInteger servedByB = new AtomicInteger();
                Future<Integer> toA = pool.submit(() -> traffic(nodeA, 150));
                Future<?> toB = pool.submit(() -> {
                    while (true) {
                        try {
                            if (get(nodeB, "/ro/", nextAddress()).statusCode() == 200) {
                                servedByB.incrementAndGet();
                            }
                        } catch (java.io.IOException gone) {
                            return null;
                        }
                    }
                });
                assertTrue(within(Duration.ofSeconds(20), () -> servedByB.get() >= 40));
                nodeB.kill();
                toB.get();
                int servedByA = toA.get();
                assertEquals(150, servedByA, "node A served every request while node B died");

                long[] end = settledTotals(nodeA, year);
                long counted = end[0] - after[0];
                // Node A's pageviews are all there; node B's are there up to its last flush (at most 2 s of its
                // counts die with it), and none is there twice.
                assertTrue(counted >= servedByA, "node A's pageviews all counted: " + counted + " < " + servedByA);
                assertTrue(counted <= servedByA + servedByB.get(),
                        "no pageview counted twice: " + counted + " > " + servedByA + " + " + servedByB.get());
                assertEquals(counted, end[1] - after[1], "one visit per pageview, as each came from its own address");
                assertTrue(body(nodeA, "/ro/articole/" + slug).contains(word), "node A still serves the article");
            } finally {
                pool.shutdownNow();
            }
        } finally {
            starting.shutdownNow();
        }
    }

    /** Node B starts (migrations done by A, nothing to import again) while the browser signs in on node A. */
    private PortalProcess awaitStarted(Future<PortalProcess> node, Check meanwhile) throws Exception {
        try {
            meanwhile.holds();
        } catch (Exception | Error e) {
            node.get().close();
            throw e;
        }
        return node.get();
    }

    /** Signs in on the node's back office in a real browser. */
    private boolean signIn(PortalProcess node) {
        Browsers.signIn(browser, node.baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        return true;
    }

    /** Writes and publishes a Romanian article in the signed-in back office; returns its slug. */
    static String publish(ChromeDriver browser, String title) {
        WebDriverWait wait = Browsers.waitFor(browser, Duration.ofSeconds(10));
        String base = browser.getCurrentUrl().replaceFirst("/admin/.*$", "");
        browser.get(base + "/admin/articles/new");
        browser.findElement(By.cssSelector("main form [name$=title]")).sendKeys(title);
        browser.findElement(By.cssSelector("main form [name$=body]")).sendKeys("Cere contractul înainte de plecare.");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "Articolul a fost creat ca ciornă."));
        browser.findElement(By.cssSelector("section[lang=ro] button[name$=publish]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section[lang=ro]"),
                "Salvat și publicat."));
        return browser.findElement(By.id("slug-ro")).getAttribute("value");
    }

    /** Sends {@code pages} pageviews from distinct readers behind the trusted proxy; returns how many were served. */
    private int traffic(PortalProcess node, int pages) throws Exception {
        int served = 0;
        for (int i = 0; i < pages; i++) {
            if (get(node, i % 2 == 0 ? "/ro/" : "/ru/", nextAddress()).statusCode() == 200) {
                served++;
            }
        }
        return served;
    }

    /** The report's year totals (pageviews, visits) once two reads 2.5 s apart agree: every flush has happened. */
    private long[] settledTotals(PortalProcess node, int year) throws Exception {
        long[] last = totals(node, year);
        for (int i = 0; i < 8; i++) {
            Thread.sleep(2_500);
            long[] now = totals(node, year);
            if (now[0] == last[0] && now[1] == last[1]) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("the report's totals did not settle");
    }

    private long[] totals(PortalProcess node, int year) throws Exception {
        String json = body(node, "/api/v1/report/" + year);
        Matcher pageviews = TOTAL_PAGEVIEWS.matcher(json);
        Matcher visits = TOTAL_VISITS.matcher(json);
        assertTrue(pageviews.find() && visits.find(), json);
        return new long[] {Long.parseLong(pageviews.group(1)), Long.parseLong(visits.group(1))};
    }

    private String nextAddress() {
        int n = nextAddress.incrementAndGet();
        return "10.20." + (n / 250) + "." + (n % 250 + 1);
    }

    private HttpResponse<String> get(PortalProcess node, String path, String clientAddress) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                .timeout(Duration.ofSeconds(5))
                .header("User-Agent", BROWSER_AGENT)
                .header("X-Forwarded-For", clientAddress)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET without reader headers: the API and the back office are never counted. */
    private String body(PortalProcess node, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static boolean within(Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static String randomLetters(int n) {
        return new Random().ints(n, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
