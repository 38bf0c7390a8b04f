package md.migratiesigura.portal.web.it;

import java.nio.file.Files;
import java.time.Duration;
import md.migratiesigura.portal.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A reader's journey: the packaged jar started once for the class on a database of its own (PORTAL_DB_URL), and a
 * fresh headless Chromium of the given window size for each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserJourney {

    private final int width;
    private final int height;
    protected PortalProcess portal;
    protected ChromeDriver browser;

    protected BrowserJourney(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @BeforeAll
    void startPortal() throws Exception {
        java.util.Map<String, String> env = TestDatabases.portalEnvironment(Files.createTempDirectory("portal-it"));
        configure(env);
        portal = PortalProcess.start(env, Duration.ofSeconds(120));
        started();
    }

    /** Adds the settings a journey needs (an administrator's credentials, …) before the portal starts. */
    protected void configure(java.util.Map<String, String> env) {
    }

    /** What a journey does once the portal has started, before its tests (the administrator's first sign-in, …). */
    protected void started() throws Exception {
    }

    @AfterAll
    void stopPortal() throws Exception {
        portal.close();
    }

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browsers.chromium(width, height);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }
}
