package md.migratiesigura.portal.web.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import md.migratiesigura.portal.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader's journey: the packaged jar started once for the class on a database of its own (PORTAL_DB_URL), and a
 * fresh headless Chromium of the given window size for each test. Every browser test extends it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserJourney {

    private final int width;
    private final int height;
    /** The settings the portal was started with (a second node may start with a copy). */
    protected Map<String, String> environment;
    /** The portal's data directory. */
    protected Path dataDir;
    protected PortalProcess portal;
    protected ChromeDriver browser;
    /** Long enough for the slowest machine the journeys run on; it returns as soon as the condition holds. */
    protected WebDriverWait wait;
    private String firstAdministrator;
    private String firstPassword;

    protected BrowserJourney(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @BeforeAll
    void startPortal() throws Exception {
        dataDir = Files.createTempDirectory("portal-it");
        environment = TestDatabases.portalEnvironment(dataDir);
        configure(environment);
        portal = PortalProcess.start(environment, Duration.ofSeconds(120));
        if (firstAdministrator != null) {
            Browsers.firstSignIn(portal.baseUrl(), firstAdministrator, firstPassword);
        }
    }

    /** Adds the settings a journey needs (an administrator's credentials, …) before the portal starts. */
    protected void configure(Map<String, String> env) {
    }

    /**
     * The first administrator the portal creates at its first start: the settings give a one-time password, which
     * the administrator replaces by {@code password} at the first sign-in, before the journey's tests run.
     */
    protected void administrator(Map<String, String> env, String email, String password) {
        env.put("PORTAL_ADMIN_EMAIL", email);
        env.put("PORTAL_ADMIN_PASSWORD", Browsers.oneTimePassword(password));
        firstAdministrator = email;
        firstPassword = password;
    }

    @AfterAll
    void stopPortal() throws Exception {
        portal.close();
    }

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browsers.chromium(width, height);
        wait = Browsers.waitFor(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    /** Signs in to the back office through its login page. */
    protected void signIn(String email, String password) {
        Browsers.signIn(browser, portal.baseUrl(), email, password);
    }
}
