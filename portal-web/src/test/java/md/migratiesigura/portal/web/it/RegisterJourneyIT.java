package md.migratiesigura.portal.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The hotline register against the packaged jar: an administrator gives a counsellor an account; the counsellor
 * records a call with the keyboard alone and the month's figures move in the report (page and API); a person asks
 * an online consultation, the counsellor closes it confirming its kind, and the register counts it.
 */
class RegisterJourneyIT extends BrowserJourney {

    private static final String ADMIN_EMAIL = "registru@example.org";
    private static final String ADMIN_PASSWORD = "registrul liniei fierbinti pentru test";
    private static final String COUNSELLOR_EMAIL = "consiliera@example.org";
    private static final String COUNSELLOR_PASSWORD = "o parola lunga de consiliera";
    private static final ObjectMapper JSON = new ObjectMapper();

    RegisterJourneyIT() {
        super(1280, 900);
    }

    @Override
    protected void configure(Map<String, String> env) {
        administrator(env, ADMIN_EMAIL, ADMIN_PASSWORD);
        env.put("PORTAL_CONSULTATION_MIN_FILL_SECONDS", "1");
    }

    @Test
    void aCounsellorRecordsACallAndClosesAConsultationAndTheReportCountsBoth() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Chisinau"));
        int year = today.getYear();
        int month = today.getMonthValue();

        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        browser.get(portal.baseUrl() + "/admin/users");
        browser.findElement(By.name("email")).sendKeys(COUNSELLOR_EMAIL);
        browser.findElement(By.name("displayName")).sendKeys("Consiliera de serviciu");
        new Select(browser.findElement(By.name("role"))).selectByVisibleText("Consultant");
        browser.findElement(By.name("password")).sendKeys(COUNSELLOR_PASSWORD);
        browser.findElement(By.xpath("//button[normalize-space()='Creează contul']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), COUNSELLOR_EMAIL));

        JsonNode before = report(year).get("hotline");
        long callsBefore = before.get("source").asText().equals("register") ? before.get("calls").asLong() : 0;

        ChromeDriver counsellor = Browsers.chromium(1280, 900);
        try {
            WebDriverWait staffWait = Browsers.waitFor(counsellor, Duration.ofSeconds(20));
            Browsers.signIn(counsellor, portal.baseUrl(), COUNSELLOR_EMAIL, COUNSELLOR_PASSWORD);
            assertTrue(counsellor.findElement(By.cssSelector("[data-register-month]")).isDisplayed(),
                    "the dashboard compares this month with last year's");
            counsellor.findElement(By.linkText("Registrul Liniei Fierbinți")).click();
            staffWait.until(ExpectedConditions.urlMatches(".*/admin/register(\\?.*)?$"));
            assertTrue(counsellor.findElement(By.tagName("main")).getText().contains("nici nume, nici telefon"));

            // Keyboard only: the channel has the focus; Tab to the kind, type to choose, Tab to the date, Enter.
            assertEquals("register-channel", counsellor.switchTo().activeElement().getAttribute("id"));
            counsellor.switchTo().activeElement().sendKeys(Keys.TAB);
            counsellor.switchTo().activeElement().sendKeys("prev");
            counsellor.switchTo().activeElement().sendKeys(Keys.TAB);
            assertEquals("register-date", counsellor.switchTo().activeElement().getAttribute("id"));
            counsellor.switchTo().activeElement().sendKeys(Keys.ENTER);
            staffWait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "a fost salvată"));
            assertEquals("prevention", new Select(counsellor.findElement(By.id("register-kind")))
                    .getFirstSelectedOption().getAttribute("value"), "the choice is kept for the next entry");
            Browsers.screenshot(counsellor, "register-form.png");

            JsonNode after = report(year).get("hotline");
            assertEquals("register", after.get("source").asText());
            assertEquals(callsBefore + 1, after.get("calls").asLong(), "the year's calls moved");
            assertEquals(1, after.get("months").get(month - 1).get("byKind").get("prevention").asLong(),
                    "the month's prevention calls moved");
            browser.get(portal.baseUrl() + "/ro/raport/" + year);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-hotline-source]")));
            assertTrue(browser.findElement(By.cssSelector("[data-hotline-source]")).getText()
                    .contains("calculate din registrul"), "the page says where the figures come from");

            // A person asks; the counsellor closes the consultation, confirming its kind; the register counts it.
            browser.get(portal.baseUrl() + "/ro/consultatie");
            browser.findElement(By.xpath("//label[normalize-space()='Altceva']")).click();
            browser.findElement(By.id("consultation-question")).sendKeys("Cum verific un contract de muncă din Israel?");
            browser.findElement(By.id("consultation-consent")).click();
            Thread.sleep(1_100);
            browser.findElement(By.xpath("//button[normalize-space()='Trimite întrebarea']")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ticket-code")));
            String ticket = browser.findElement(By.cssSelector(".ticket-code")).getText();

            counsellor.get(portal.baseUrl() + "/admin/consultations");
            counsellor.findElement(By.linkText(ticket)).click();
            staffWait.until(ExpectedConditions.presenceOfElementLocated(By.id("close-kind")));
            new Select(counsellor.findElement(By.id("close-kind"))).selectByValue("israel-programme");
            counsellor.findElement(By.xpath("//button[normalize-space()='Închide consultația']")).click();
            staffWait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "Consultația a fost închisă."));

            JsonNode closed = report(year).get("hotline");
            assertEquals(after.get("consultations").asLong() + 1, closed.get("consultations").asLong());
            assertEquals(after.get("calls").asLong(), closed.get("calls").asLong(), "a consultation is not a call");
        } finally {
            counsellor.quit();
        }
    }

    private JsonNode report(int year) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(portal.baseUrl() + "/api/v1/report/" + year)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
