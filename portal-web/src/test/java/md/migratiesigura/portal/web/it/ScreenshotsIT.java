package md.migratiesigura.portal.web.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;

/**
 * The screenshots shown in docs/design.md: the first screen of the main pages in both languages at phone and desktop
 * widths (home, an article, the job-offer check, a year's report, the retrospective, about, the chat) and the phone's
 * navigation opened, each checked to be a real picture. Every build takes them into {@code target/screenshots/pages}; to refresh
 * the copies in docs/screenshots:
 * {@code mvn -pl portal-web -am verify -Dit.test=ScreenshotsIT -Dscreenshots.dir=$PWD/docs/screenshots}.
 */
class ScreenshotsIT extends BrowserJourney {

    private static final String[][] PAGES = {
        {"home", "/ro/", "/ru/"},
        {"article", "/ro/articole/ghid-de-siguranta-munca-in-italia", "/ru/stati/pamyatka-po-bezopasnosti-rabota-v-italii"},
        {"check", "/ro/verifica-oferta?pay=too_high&housing=unstated&passport=asked_to_keep&check=1",
            "/ru/proverka-vakansii?pay=too_high&housing=unstated&passport=asked_to_keep&check=1"},
        {"report", "/ro/raport/2025", "/ru/otchet/2025"},
        {"retrospective", "/ro/raport", "/ru/otchet"},
        {"about", "/ro/despre", "/ru/o-nas"},
        {"chat", "/ro/chat", "/ru/chat"},
    };

    ScreenshotsIT() {
        super(1280, 800);
    }

    @Test
    void savesTheFirstScreenOfTheMainPages() throws Exception {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots/pages"));
        Files.createDirectories(dir);
        for (int width : new int[] {360, 1280}) {
            browser.manage().window().setSize(new Dimension(width, width == 360 ? 740 : 800));
            for (String[] page : PAGES) {
                for (int i = 1; i <= 2; i++) {
                    browser.get(portal.baseUrl() + page[i]);
                    if (page[0].equals("check")) {
                        // The result, not the questions above it.
                        browser.executeScript("document.querySelector('.risk-result').scrollIntoView()");
                    }
                    save(dir.resolve(page[0] + "-" + (i == 1 ? "ro" : "ru") + "-" + width + ".png"));
                }
            }
        }
        // The navigation folded into its one button on a phone, opened.
        browser.manage().window().setSize(new Dimension(360, 740));
        for (String language : new String[] {"ro", "ru"}) {
            browser.get(portal.baseUrl() + "/" + language + "/");
            browser.findElement(By.cssSelector(".main-nav summary")).click();
            assertTrue(browser.findElement(By.cssSelector(".nav-fold a")).isDisplayed(), "the menu is open");
            save(dir.resolve("navigation-open-" + language + "-360.png"));
        }
    }

    private void save(Path file) throws Exception {
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        assertTrue(Files.size(file) < 150_000, file + " is " + Files.size(file) + " bytes");
    }
}
