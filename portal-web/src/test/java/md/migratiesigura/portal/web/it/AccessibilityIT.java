package md.migratiesigura.portal.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * WCAG 2.1 A and AA checked by axe-core (vendored under src/test/resources/a11y, injected through WebDriver, which
 * the page's CSP does not govern) on every public and back-office page in both languages; the job-offer check done
 * with the keyboard alone on a phone; tap targets measured at 360 px.
 */
class AccessibilityIT extends BrowserJourney {

    private static final String ADMIN_EMAIL = "accesibilitate@example.org";
    private static final String ADMIN_PASSWORD = "o parola lunga pentru accesibilitate";
    private static final String ARTICLE_KEY = "ghid-italia";

    /** Public pages, one line each, {ro, ru}. Add new public pages here. */
    private static final String[][] PUBLIC_PAGES = {
        {"/ro/", "/ru/"},
        {"/ro/articole/ghid-de-siguranta-munca-in-italia", "/ru/stati/pamyatka-po-bezopasnosti-rabota-v-italii"},
        {"/ro/categorie/tari", "/ru/kategoriya/tari"},
        {"/ro/eticheta/italia", "/ru/metka/italia"},
        {"/ro/cautare?q=contract", "/ru/poisk?q=%D0%B4%D0%BE%D0%B3%D0%BE%D0%B2%D0%BE%D1%80"},
        {"/ro/cautare?q=qqzzxxnimic", "/ru/poisk?q=qqzzxxnimic"},
        {"/ro/verifica-oferta", "/ru/proverka-vakansii"},
        {"/ro/verifica-oferta?step=1", "/ru/proverka-vakansii?step=1"},
        {"/ro/verifica-oferta?pay=too_high&housing=unstated&passport=asked_to_keep&check=1",
            "/ru/proverka-vakansii?pay=too_high&housing=unstated&passport=asked_to_keep&check=1"},
        {"/ro/agentii", "/ru/agentstva"},
        {"/ro/evenimente", "/ru/sobytiya"},
        {"/ro/evenimente/{event}", "/ru/sobytiya/{event}"},
        {"/ro/raport/2025", "/ru/otchet/2025"},
        {"/ro/pagina-care-nu-exista", "/ru/stranitsa-kotoroy-net"},
        {"/ro/consultatie", "/ru/konsultatsiya"},
        {"/ro/consultatie?sos=1", "/ru/konsultatsiya?sos=1"},
        {"/ro/consultatie/raspuns", "/ru/konsultatsiya/otvet"},
        {"/ro/despre", "/ru/o-nas"},
        {"/ro/contacte", "/ru/kontakty"},
        {"/ro/parteneri", "/ru/partnery"},
        {"/ro/confidentialitate", "/ru/konfidentsialnost"},
        {"/ro/accesibilitate", "/ru/dostupnost"},
        {"/ro/raport", "/ru/otchet"},
        {"/ro/chat", "/ru/chat"},
        {"/ro/materiale", "/ru/materialy"},
        {"/ro/materiale?topic=exploatare&audience=job-seekers", "/ru/materialy?topic=exploatare&audience=job-seekers"},
    };

    /** Back-office pages for a signed-in administrator, checked in Romanian and again in Russian. */
    private static final List<String> BACK_OFFICE_PAGES = List.of(
            "/admin/",
            "/admin/users",
            "/admin/audit",
            "/admin/visits",
            "/admin/report/2025",
            "/admin/earlier-years",
            "/admin/articles",
            "/admin/articles/new",
            "/admin/articles/" + ARTICLE_KEY,
            "/admin/articles/" + ARTICLE_KEY + "/revisions?lang=ro",
            "/admin/translations",
            "/admin/events",
            "/admin/events/new",
            "/admin/events/{event}",
            "/admin/materials",
            "/admin/materials/new",
            "/admin/materials/verifica-inainte-de-plecare",
            "/admin/access-denied",
            "/admin/articles/nu-exista",
            "/admin/agencies",
            "/admin/account",
            "/admin/consultations",
            "/admin/consultations?view=closed",
            "/admin/referrals",
            "/admin/pages",
            "/admin/pages/new",
            "/admin/articles/despre",
            "/admin/navigation",
            "/admin/register",
            "/admin/register/import",
            "/admin/review",
            "/admin/chat"
    );

    private static final String AXE_RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
              .then(function (r) {
                done(r.violations.map(function (v) {
                  return v.id + ' (' + v.impact + '): ' + v.help + ' at '
                    + v.nodes.map(function (n) { return n.target.join(' ') + ' ' + n.html.substring(0, 100); }).join(', ');
                }));
              })
              .catch(function (e) { done(['axe failed: ' + e]); });
            """;

    private static String axeSource;
    private String eventKey;

    AccessibilityIT() {
        super(1280, 900);
    }

    @Override
    protected void configure(Map<String, String> env) {
        administrator(env, ADMIN_EMAIL, ADMIN_PASSWORD);
        // The chat page is checked with its start form (outside the hours it shows a notice instead).
        env.put("PORTAL_CHAT_HOURS", "00:00-24:00");
    }

    @Test
    void everyPublicAndBackOfficePageHasNoWcagAOrAaViolationInEitherLanguage() throws Exception {
        List<String> problems = new ArrayList<>();
        signIn();
        String event = eventKey();
        saveOnce(ARTICLE_KEY); // so that it has revisions to compare and the editor shows its pre-publish checks
        for (String language : List.of("ro", "ru")) {
            if (language.equals("ru")) {
                browser.get(portal.baseUrl() + "/admin/");
                browser.findElement(By.cssSelector("nav.language a")).click();
                wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "ru"));
            }
            for (String page : BACK_OFFICE_PAGES) {
                audit(page.replace("{event}", event), problems);
            }
        }
        browser.manage().deleteAllCookies();
        audit("/admin/login", problems);
        for (String[] page : PUBLIC_PAGES) {
            for (String path : page) {
                audit(path.replace("{event}", event), problems);
            }
        }
        if (!problems.isEmpty()) {
            fail("axe-core found WCAG 2.1 A/AA violations:\n" + String.join("\n", problems));
        }
    }

    @Test
    void theJobOfferCheckCanBeDoneWithTheKeyboardAloneOnAPhone() {
        browser.manage().window().setSize(new Dimension(360, 740));
        browser.get(portal.baseUrl() + "/ro/verifica-oferta");

        tab();
        WebElement skip = active();
        assertEquals("skip-link", skip.getAttribute("class"), "the skip link comes first");
        assertFocusVisible();
        assertTrue(skip.isDisplayed() && skip.getRect().getY() >= 0, "the skip link shows when focused");
        tab();
        assertEquals("quick-exit", active().getAttribute("id"), "the quick exit comes right after it");
        assertFocusVisible();
        new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertTrue(isActive(".skip-link"), "Shift+Tab goes back to the skip link");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        assertEquals("main", active().getAttribute("id"), "the skip link moves focus to the main content");

        chooseWithKeyboard("pay", "too_high");
        chooseWithKeyboard("passport", "asked_to_keep");
        tabUntil("button[name='check']");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.urlContains("check=1"));
        WebElement tier = browser.findElement(By.cssSelector(".tier"));
        assertTrue(tier.getAttribute("class").contains("tier-high"), tier.getAttribute("class"));

        // Back from the result to the hotline with Shift+Tab and Tab only.
        tabUntil(".risk-result a[href='tel:080077777']");
        new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertFocusVisible();
    }

    @Test
    void aQuestionToACounsellorCanBeSentWithTheKeyboardAloneOnAPhone() throws InterruptedException {
        browser.manage().window().setSize(new Dimension(360, 740));
        browser.get(portal.baseUrl() + "/ro/consultatie");
        long opened = System.nanoTime();

        chooseRadioWithKeyboard("input[type='radio'][value='job-offer']", "input[type='radio'][value='documents']");
        tabUntil("#consultation-question");
        new Actions(browser).sendKeys("Mi s-a cerut pașaportul ca garanție de o agenție din Chișinău. Este legal?").perform();
        chooseRadioWithKeyboard("input[type='radio'][value='ticket']", "input[type='radio'][value='ticket']");
        tabUntil("#consultation-consent");
        new Actions(browser).sendKeys(Keys.SPACE).perform();
        assertTrue(browser.findElement(By.id("consultation-consent")).isSelected(), "consent given with Space");
        tabUntil("main form button[type='submit']");
        // The form refuses what is sent sooner than a person could have written it.
        long waited = java.time.Duration.ofNanos(System.nanoTime() - opened).toMillis();
        Thread.sleep(Math.max(0, 5_000 - waited));
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        WebElement ticket = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ticket-code")));
        assertFalse(ticket.getText().isBlank(), "the ticket code is shown");
        assertFalse(browser.findElement(By.cssSelector(".ticket-phrase")).getText().isBlank(), "and the phrase");
    }

    @Test
    void tapTargetsInTheHeaderNavigationAndFormsAreAtLeast44PixelsOnA360PixelScreen() {
        browser.manage().window().setSize(new Dimension(360, 740));
        List<String> small = new ArrayList<>();
        for (String path : List.of("/ro/", "/ru/", "/ro/verifica-oferta", "/ru/poisk?q=test", "/ro/agentii")) {
            browser.get(portal.baseUrl() + path);
            for (WebElement e : browser.findElements(By.cssSelector(
                    ".site-header a, .site-header button, .site-header input, .main-nav a, .quick-exit,"
                            + " main form button, main form input:not([type=radio]):not([type=checkbox]):not([type=hidden]),"
                            + " main form select, main form label.option, main .button"))) {
                if (!e.isDisplayed()) {
                    continue;
                }
                Rectangle r = e.getRect();
                if (r.getHeight() < 44 || r.getWidth() < 44) {
                    small.add(path + " " + e.getTagName() + " \"" + e.getText() + "\" " + r.getWidth() + "x" + r.getHeight());
                }
            }
        }
        assertTrue(small.isEmpty(), "tap targets under 44 px:\n" + String.join("\n", small));
    }

    private void chooseWithKeyboard(String question, String option) {
        chooseRadioWithKeyboard("input[name='" + question + "']", "input[name='" + question + "'][value='" + option + "']");
    }

    /** Tabs into a group of radio buttons, then arrows down to the wanted one and takes it with Space. */
    private void chooseRadioWithKeyboard(String group, String wanted) {
        tabUntil(group + ", " + wanted);
        for (int i = 0; i < 10 && !isActive(wanted); i++) {
            new Actions(browser).sendKeys(Keys.ARROW_DOWN).perform();
        }
        assertTrue(isActive(wanted), "reached " + wanted);
        new Actions(browser).sendKeys(Keys.SPACE).perform();
        assertTrue(browser.findElement(By.cssSelector(wanted)).isSelected(), wanted);
        assertFocusVisible();
    }

    private void tabUntil(String selector) {
        for (int i = 0; i < 150; i++) {
            tab();
            assertFocusVisible();
            if (isActive(selector)) {
                return;
            }
        }
        fail("Tab never reached " + selector);
    }

    private void tab() {
        new Actions(browser).sendKeys(Keys.TAB).perform();
    }

    private boolean isActive(String selector) {
        return (Boolean) browser.executeScript("return document.activeElement.matches(arguments[0])", selector);
    }

    private WebElement active() {
        return browser.switchTo().activeElement();
    }

    /** The focused element shows it: an outline or a box shadow from the :focus-visible rule. */
    private void assertFocusVisible() {
        if ((Boolean) browser.executeScript("return document.activeElement === document.body")) {
            return; // nothing focused in the page (between the document's end and the browser's own controls)
        }
        String style = (String) browser.executeScript("""
                var e = document.activeElement, s = getComputedStyle(e);
                return e.matches(':focus-visible') + '|' + s.outlineStyle + '|' + s.outlineWidth + '|' + s.boxShadow
                  + '|' + e.outerHTML.substring(0, 80);""");
        String[] parts = style.split("\\|", 5);
        boolean outline = !"none".equals(parts[1]) && !"0px".equals(parts[2]);
        boolean shadow = !"none".equals(parts[3]);
        assertTrue("true".equals(parts[0]) && (outline || shadow), "focus not visible on " + style);
    }

    private void audit(String path, List<String> problems) {
        browser.get(portal.baseUrl() + path);
        browser.executeScript(axeSource());
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) browser.executeAsyncScript(AXE_RUN);
        for (String v : violations) {
            problems.add(path + " [" + browser.findElement(By.tagName("html")).getAttribute("lang") + "] " + v);
        }
    }

    private static synchronized String axeSource() {
        if (axeSource == null) {
            try (InputStream in = AccessibilityIT.class.getResourceAsStream("/a11y/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return axeSource;
    }

    private void signIn() {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    private void saveOnce(String article) {
        browser.get(portal.baseUrl() + "/admin/articles/" + article);
        browser.findElement(By.cssSelector("section[lang=ro] button[name$=save]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section[lang=ro] .feedbackPanel")));
    }

    /** One published event, created once through the back office, so that its public and edit pages exist. */
    private String eventKey() {
        if (eventKey != null) {
            return eventKey;
        }
        browser.get(portal.baseUrl() + "/admin/events/new");
        String day = LocalDate.now(ZoneId.of("Europe/Chisinau")).minusDays(2).toString();
        new Select(browser.findElement(By.name("type"))).selectByIndex(1);
        new Select(browser.findElement(By.name("status"))).selectByVisibleText("Desfășurat");
        browser.findElement(By.name("titleRo")).sendKeys("Sesiune de informare la Ungheni");
        browser.findElement(By.name("titleRu")).sendKeys("Информационное занятие в Унгенах");
        browser.findElement(By.name("descriptionRo")).sendKeys("Despre semnele traficului de ființe umane.");
        browser.findElement(By.name("descriptionRu")).sendKeys("О признаках торговли людьми.");
        browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.name("startDate")), day);
        browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.name("startTime")), "10:00");
        browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.name("endTime")), "11:30");
        new Select(browser.findElement(By.name("district"))).selectByVisibleText("Ungheni");
        browser.findElement(By.name("locality")).sendKeys("Ungheni");
        browser.findElement(By.name("venue")).sendKeys("Liceul Teoretic");
        browser.findElement(By.cssSelector("input[value=pupils]")).click();
        browser.findElement(By.name("participants")).sendKeys("30");
        browser.findElement(By.name("materials")).sendKeys("60");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Evenimentul a fost creat."));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("event not created: " + browser.findElement(By.tagName("main")).getText(), e);
        }
        eventKey = browser.getCurrentUrl().replaceFirst(".*/admin/events/", "").replaceFirst("\\?.*", "");
        return eventKey;
    }
}
