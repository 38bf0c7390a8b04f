package md.migratiesigura.portal.web.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium with its packaged driver: nothing is downloaded at run time. */
final class Browsers {

    // Selenium warns on every start that it has no DevTools bindings for this Chromium; they are not used. Held in a
    // field: java.util.logging forgets the level of a logger nobody references.
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    private Browsers() {
    }

    /** Every URL the browser requested since the last call, read from Chromium's performance log. */
    static java.util.List<String> requestedUrls(ChromeDriver browser) {
        java.util.List<String> urls = new java.util.ArrayList<>();
        java.util.regex.Pattern url = java.util.regex.Pattern.compile(
                "\"method\":\"Network\\.requestWillBeSent\".*?\"request\":\\{.*?\"url\":\"([^\"]+)\"");
        for (org.openqa.selenium.logging.LogEntry entry : browser.manage().logs().get("performance")) {
            java.util.regex.Matcher m = url.matcher(entry.getMessage());
            if (m.find()) {
                urls.add(m.group(1));
            }
        }
        return urls;
    }

    static ChromeDriver chromium(int width, int height) throws IOException {
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        // The performance log lists every request the page makes: tests check that none leaves the portal.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("performance", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** Keeps what the browser shows under target/screenshots, for a person to look at after the run. */
    static void screenshot(ChromeDriver browser, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * What a journey sets {@code PORTAL_ADMIN_PASSWORD} to: a one-time password, which {@link #firstSignIn} replaces
     * by {@code password}.
     */
    static String oneTimePassword(String password) {
        return "one-time " + password;
    }

    /**
     * The first administrator's first sign-in, in a browser of its own: with the one-time password of the settings
     * the back office opens on the password change only, and the administrator chooses {@code password}, which the
     * journey's later sign-ins use.
     */
    static void firstSignIn(String baseUrl, String email, String password) throws IOException {
        ChromeDriver browser = chromium(1280, 900);
        try {
            browser.get(baseUrl + "/admin/login");
            browser.findElement(By.name("email")).sendKeys(email);
            browser.findElement(By.name("password")).sendKeys(oneTimePassword(password));
            browser.findElement(By.cssSelector(".admin-form button[type=submit]")).click();
            WebDriverWait wait = waitFor(browser, java.time.Duration.ofSeconds(10));
            wait.until(ExpectedConditions.urlMatches(".*/admin/account.*"));
            browser.findElement(By.name("current")).sendKeys(oneTimePassword(password));
            browser.findElement(By.name("next")).sendKeys(password);
            browser.findElement(By.name("repeat")).sendKeys(password);
            browser.findElement(By.cssSelector("form.admin-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Parola a fost schimbată"));
            browser.get(baseUrl + "/admin/");
            wait.until(ExpectedConditions.urlMatches(".*/admin/$"));
        } finally {
            browser.quit();
        }
    }

    /** Signs a staff member in through the login form and waits for the back office's first page. */
    static void signIn(WebDriver browser, String baseUrl, String email, String password) {
        browser.get(baseUrl + "/admin/login");
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector(".admin-form button[type=submit]")).click();
        waitFor(browser, java.time.Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/admin/$"));
    }

    /**
     * A wait that asks its condition again when Chromium answers for a node of the page it is leaving. After a click
     * that posts a form, a condition can find an element of the old page and read it while the new page replaces it;
     * Chromium then answers "unhandled inspector error: Node with given id does not belong to the document", an
     * error Selenium does not map to a stale element, so a plain wait gives up at once (it did in CI on
     * 2026-11-29). Only that answer is retried: a condition that never holds still fails at the timeout.
     */
    static WebDriverWait waitFor(WebDriver browser, java.time.Duration timeout) {
        return new PageSwapTolerantWait(browser, timeout);
    }

    private static final class PageSwapTolerantWait extends WebDriverWait {

        PageSwapTolerantWait(WebDriver browser, java.time.Duration timeout) {
            super(browser, timeout);
        }

        @Override
        public <V> V until(java.util.function.Function<? super WebDriver, V> condition) {
            return super.until(new AskedAgainWhenThePageSwaps<V>(condition));
        }
    }

    /** The condition, with "not yet" for Chromium's answer about a node of the page being left. */
    private record AskedAgainWhenThePageSwaps<V>(java.util.function.Function<? super WebDriver, V> condition)
            implements java.util.function.Function<WebDriver, V> {

        @Override
        public V apply(WebDriver driver) {
            try {
                return condition.apply(driver);
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        }

        @Override
        public String toString() {
            return condition.toString();
        }
    }
}
