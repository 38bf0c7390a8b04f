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
import java.util.Map;
import java.util.Random;
import md.migratiesigura.portal.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An editor's whole journey in a real browser against the packaged jar: sign in, write an article in both
 * languages with the live and the server preview, publish, then find it on the public site in both languages, in
 * the sitemap and through the search API within seconds.
 */
class EditorialJourneyIT {

    private static final String ADMIN_EMAIL = "redactor-sef@example.org";
    private static final String ADMIN_PASSWORD = "o parola lunga pentru redactie";

    private static PortalProcess portal;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void startPortal() throws Exception {
        Map<String, String> env = TestDatabases.portalEnvironment(Files.createTempDirectory("portal-editorial-it"));
        env.put("PORTAL_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("PORTAL_ADMIN_PASSWORD", Browsers.oneTimePassword(ADMIN_PASSWORD));
        portal = PortalProcess.start(env, Duration.ofSeconds(120));
        Browsers.firstSignIn(portal.baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @AfterAll
    static void stopPortal() throws Exception {
        portal.close();
    }

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browsers.chromium(1280, 900);
        wait = Browsers.waitFor(browser, Duration.ofSeconds(10));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void anEditorWritesBothLanguagesPublishesAndReadersFindTheArticle() throws Exception {
        // A made-up word, so that search finds this article and nothing else.
        String word = "zarzavat" + randomLetters(6);
        signIn();

        browser.findElement(By.linkText("Articole")).click();
        wait.until(ExpectedConditions.urlMatches(".*/admin/articles.*"));
        browser.findElement(By.linkText("Articol nou")).click();
        wait.until(ExpectedConditions.urlMatches(".*/admin/articles/new.*"));
        browser.findElement(By.cssSelector("main form [name$=title]")).sendKeys("Munca sezonieră: " + word);
        browser.findElement(By.cssSelector("main form [name$=body]")).sendKeys("Primul paragraf.");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Articolul a fost creat ca ciornă."));

        WebElement body = browser.findElement(By.id("body-ro"));
        body.sendKeys("\n\nCere **contractul** înainte de plecare.");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("section[lang=ro] .preview strong"), "contractul"));
        assertTrue(browser.findElement(By.cssSelector("section[lang=ro] .preview")).isDisplayed(), "live preview shown");

        click("ro", "preview");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("section[lang=ro] .preview strong"), "contractul"));
        assertTrue(browser.findElement(By.id("body-ro")).getAttribute("value").contains("Cere **contractul**"),
                "the server preview keeps the text");

        click("ro", "publish");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section[lang=ro]"),
                "Salvat și publicat."));
        String roSlug = browser.findElement(By.id("slug-ro")).getAttribute("value");

        browser.findElement(By.id("title-ru")).sendKeys("Сезонная работа: " + word);
        browser.findElement(By.id("body-ru")).sendKeys("Первый абзац.\n\nПопросите **договор** до отъезда.");
        browser.findElement(By.id("follows-ru")).click();
        click("ru", "publish");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section[lang=ru]"),
                "Salvat și publicat."));
        String ruSlug = browser.findElement(By.id("slug-ru")).getAttribute("value");
        assertTrue(ruSlug.startsWith("sezonnaya-rabota-"), "transliterated: " + ruSlug);
        saveScreenshot("editor-both-languages.png");

        browser.get(portal.baseUrl() + "/ro/articole/" + roSlug);
        assertEquals("Munca sezonieră: " + word, browser.findElement(By.tagName("h1")).getText());
        assertEquals("contractul", browser.findElement(By.cssSelector(".article-body strong")).getText());
        browser.findElement(By.cssSelector("nav.language a")).click();
        wait.until(ExpectedConditions.urlMatches(".*/ru/stati/" + ruSlug + "$"));
        assertEquals("Сезонная работа: " + word, browser.findElement(By.tagName("h1")).getText());

        browser.get(portal.baseUrl() + "/sitemap.xml");
        String sitemap = browser.getPageSource();
        assertTrue(sitemap.contains("/ro/articole/" + roSlug), "the Romanian page is in the sitemap");
        assertTrue(sitemap.contains("/ru/stati/" + ruSlug), "and so is the Russian one");

        assertTrue(searchFinds(word, "ro", roSlug), "the search API finds the Romanian version within seconds");
        assertTrue(searchFinds(word, "ru", ruSlug), "and the Russian one");
    }

    @Test
    void anEditorImportsTheAgencyRegistryAndReadersFindTheAgencies() throws Exception {
        Path csv = Files.createTempFile("registry", ".csv");
        try (var in = EditorialJourneyIT.class.getResourceAsStream("/agencies/registry-update.csv")) {
            Files.write(csv, in.readAllBytes());
        }
        browser.get(portal.baseUrl() + "/ro/agentii?q=agentie");
        assertTrue(browser.findElement(By.tagName("main")).getText().contains(
                "Registrul agențiilor licențiate nu a fost încă încărcat pe portal."), "the portal ships no registry");
        signIn();

        browser.findElement(By.linkText("Registrul agențiilor")).click();
        wait.until(ExpectedConditions.urlMatches(".*/admin/agencies.*"));
        browser.findElement(By.id("agency-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Agenții noi (3)"));
        assertEquals("3", browser.findElement(By.cssSelector(".agency-counts dd")).getText(), "three new agencies");
        saveScreenshot("agency-import-preview.png");

        browser.findElement(By.cssSelector("button[name$=apply]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "Registrul a fost actualizat. Agenții noi: 3; modificate: 0; neschimbate: 0; scoase din registru: 0."));

        browser.get(portal.baseUrl() + "/ro/agentii?q=agentie+noua");
        String page = browser.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("Agenție Nouă SRL"), page);
        assertTrue(page.contains("Verificat ultima dată în lista oficială"), page);
    }

    private boolean searchFinds(String word, String lang, String slug) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(portal.baseUrl() + "/api/v1/search?lang=" + lang + "&q="
                + URLEncoder.encode(word, StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            String json = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (json.contains(slug)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private void click(String language, String button) {
        browser.findElement(By.cssSelector("section[lang=" + language + "] button[name$=" + button + "]")).click();
    }

    private void signIn() {
        Browsers.signIn(browser, portal.baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    private static String randomLetters(int n) {
        Random random = new Random();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    private void saveScreenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
