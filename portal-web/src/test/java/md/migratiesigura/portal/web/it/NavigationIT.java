package md.migratiesigura.portal.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.junit.jupiter.api.Test;

/**
 * The site's navigation in a real browser against the packaged jar: a reader walks the menu in both languages on a
 * 360-pixel phone (one "Menu" button that opens without JavaScript) and on a 1280-pixel screen (the links shown),
 * and an editor creates a page, puts it in the menu and sees it live.
 */
class NavigationIT extends BrowserJourney {

    private static final String ADMIN_EMAIL = "navigare@example.org";
    private static final String ADMIN_PASSWORD = "o parola lunga pentru navigare";

    /** Each language's menu, in order as bundled, and the address each entry leads to. */
    private static final Map<String, List<String>> MENU = Map.of(
            "ro", List.of("/ro/verifica-oferta", "/ro/consultatie", "/ro/chat", "/ro/evenimente", "/ro/materiale",
                    "/ro/despre", "/ro/contacte"),
            "ru", List.of("/ru/proverka-vakansii", "/ru/konsultatsiya", "/ru/chat", "/ru/sobytiya", "/ru/materialy",
                    "/ru/o-nas", "/ru/kontakty"));

    NavigationIT() {
        super(1280, 900);
    }

    @Override
    protected void configure(Map<String, String> env) {
        administrator(env, ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @Test
    void aReaderWalksTheMenuInBothLanguagesOnAPhoneAndOnAWideScreen() throws Exception {
        for (int width : List.of(360, 1280)) {
            browser.manage().window().setSize(new Dimension(width, 800));
            for (String language : List.of("ro", "ru")) {
                for (String target : MENU.get(language)) {
                    browser.get(portal.baseUrl() + "/" + language + "/");
                    WebElement summary = browser.findElement(By.cssSelector(".main-nav summary"));
                    WebElement link = browser.findElement(By.cssSelector(
                            (width == 360 ? ".nav-fold" : ".nav-wide") + " a[href='" + target + "']"));
                    if (width == 360) {
                        assertTrue(summary.isDisplayed(), "one menu button on a phone");
                        assertFalse(link.isDisplayed(), "the links are folded on a phone");
                        summary.click();
                        wait.until(ExpectedConditions.visibilityOf(link));
                    } else {
                        assertFalse(summary.isDisplayed(), "no menu button on a wide screen");
                        assertTrue(link.isDisplayed(), "the links are shown on a wide screen");
                    }
                    link.click();
                    wait.until(ExpectedConditions.urlToBe(portal.baseUrl() + target));
                    assertEquals(language, browser.findElement(By.tagName("html")).getAttribute("lang"));
                    List<WebElement> current = browser.findElements(By.cssSelector(".main-nav a[aria-current=page]"))
                            .stream().filter(a -> a.getAttribute("href").endsWith(target)).toList();
                    assertEquals(2, current.size(), "marked in the folded and the wide menu on " + target);
                    assertEquals(2, browser.findElements(By.cssSelector(".main-nav a[aria-current]")).size(),
                            "and nothing else is");
                }
            }
            saveScreenshot("navigation-" + width + ".png");
        }
        // The footer carries the service's other pages.
        browser.get(portal.baseUrl() + "/ru/");
        browser.findElement(By.cssSelector(".footer-nav a[href='/ru/konfidentsialnost']")).click();
        wait.until(ExpectedConditions.urlToBe(portal.baseUrl() + "/ru/konfidentsialnost"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("защищает"));
    }

    @Test
    void anEditorCreatesAPagePutsItInTheMenuAndReadersSeeItLive() throws Exception {
        String word = "Formare " + UUID.randomUUID().toString().substring(0, 6);
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        browser.findElement(By.linkText("Pagini")).click();
        wait.until(ExpectedConditions.urlMatches(".*/admin/pages$"));
        browser.findElement(By.cssSelector("main a[href$='pages/new']")).click();
        wait.until(ExpectedConditions.urlMatches(".*/admin/pages/new.*"));
        browser.findElement(By.cssSelector("main form [name$=title]")).sendKeys(word);
        browser.findElement(By.cssSelector("main form [name$=body]")).sendKeys("Sesiuni pentru **profesioniști**.");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "creat"));
        browser.findElement(By.cssSelector("section[lang=ro] button[name$=publish]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section[lang=ro]"),
                "Salvat și publicat."));
        String slug = browser.findElement(By.id("slug-ro")).getAttribute("value");

        browser.get(portal.baseUrl() + "/admin/navigation?for=ro");
        new Select(browser.findElement(By.cssSelector("select[name=newTarget]"))).selectByVisibleText("Pagină: " + word);
        browser.findElement(By.cssSelector("button[name=add]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".navigation-preview"), word));
        browser.findElement(By.cssSelector("button[name=save]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Navigarea a fost salvată"));
        saveScreenshot("navigation-editor.png");

        browser.manage().deleteAllCookies();
        browser.get(portal.baseUrl() + "/ro/evenimente");
        WebElement entry = browser.findElement(By.cssSelector(".nav-wide a[href='/ro/" + slug + "']"));
        assertEquals(word, entry.getText());
        entry.click();
        wait.until(ExpectedConditions.urlToBe(portal.baseUrl() + "/ro/" + slug));
        assertEquals(word, browser.findElement(By.tagName("h1")).getText());
        assertEquals("profesioniști", browser.findElement(By.cssSelector(".article-body strong")).getText());
    }

    private void saveScreenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
