package md.migratiesigura.portal.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A trainer's journey in a real browser against the packaged jar: the administrator opens a trainer account, the
 * trainer signs in and records a school session held two days ago, and the public finds it in Romanian and
 * Russian and in the calendar feed.
 */
class EventJourneyIT extends BrowserJourney {

    private static final String ADMIN_EMAIL = "coordonator@example.org";
    private static final String ADMIN_PASSWORD = "o parola lunga pentru coordonare";
    private static final String TRAINER_EMAIL = "formatoare@example.org";
    private static final String TRAINER_PASSWORD = "o parola lunga pentru formatoare";

    EventJourneyIT() {
        super(1280, 900);
    }

    @Override
    protected void configure(Map<String, String> env) {
        administrator(env, ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @Test
    void aTrainerRecordsASchoolSessionAndThePublicSeesItInBothLanguagesAndInTheFeed() throws Exception {
        createTrainer();
        signIn(TRAINER_EMAIL, TRAINER_PASSWORD);
        browser.findElement(By.linkText("Evenimente")).click();
        wait.until(ExpectedConditions.urlMatches(".*/admin/events$"));
        browser.findElement(By.linkText("Eveniment nou")).click();
        wait.until(ExpectedConditions.urlMatches(".*/admin/events/new.*"));

        String day = LocalDate.now(ZoneId.of("Europe/Chisinau")).minusDays(2).toString();
        new Select(browser.findElement(By.name("type"))).selectByVisibleText("Sesiune de informare în școală");
        new Select(browser.findElement(By.name("status"))).selectByVisibleText("Desfășurat");
        browser.findElement(By.name("titleRo")).sendKeys("Sesiune de informare la Liceul din Criuleni");
        browser.findElement(By.name("titleRu")).sendKeys("Информационное занятие в лицее Криулень");
        browser.findElement(By.name("descriptionRo")).sendKeys("Despre **semnele** traficului de ființe umane.");
        browser.findElement(By.name("descriptionRu")).sendKeys("О **признаках** торговли людьми.");
        // Date and time pickers type in the browser's locale: the values are set as the picker would set them.
        setValue("startDate", day);
        setValue("startTime", "10:00");
        setValue("endTime", "11:30");
        new Select(browser.findElement(By.name("district"))).selectByVisibleText("Criuleni");
        browser.findElement(By.name("locality")).sendKeys("Criuleni");
        browser.findElement(By.name("venue")).sendKeys("Liceul Teoretic");
        browser.findElement(By.cssSelector("input[value=pupils]")).click();
        browser.findElement(By.name("participants")).sendKeys("45");
        browser.findElement(By.name("materials")).sendKeys("120");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Evenimentul a fost creat."));
        } catch (org.openqa.selenium.TimeoutException e) {
            Browsers.screenshot(browser, "admin-event-form-failed.png");
            throw new AssertionError("not created; the page says: " + browser.findElement(By.tagName("main")).getText(), e);
        }
        String key = browser.getCurrentUrl().replaceFirst(".*/admin/events/", "").replaceFirst("\\?.*", "");
        assertTrue(key.startsWith("sesiune-de-informare-la-liceul-din-criuleni-" + day), key);
        Browsers.screenshot(browser, "admin-event-form.png");

        // The public now, without the trainer's session.
        browser.manage().deleteAllCookies();
        browser.get(portal.baseUrl() + "/ro/evenimente");
        browser.findElement(By.linkText("Sesiune de informare la Liceul din Criuleni")).click();
        wait.until(ExpectedConditions.urlMatches(".*/ro/evenimente/" + key + "$"));
        assertEquals("Sesiune de informare la Liceul din Criuleni", browser.findElement(By.tagName("h1")).getText());
        assertEquals("semnele", browser.findElement(By.cssSelector(".article-body strong")).getText());
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("45 de participanți"));
        Browsers.screenshot(browser, "event-ro.png");
        browser.findElement(By.cssSelector("nav.language a")).click();
        wait.until(ExpectedConditions.urlMatches(".*/ru/sobytiya/" + key + "$"));
        assertEquals("Информационное занятие в лицее Криулень", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("Криулень"));
        String calendarLink = browser.findElement(By.cssSelector("a[type='text/calendar']")).getAttribute("href");
        assertTrue(calendarLink.endsWith("/ru/sobytiya/" + key + ".ics"), calendarLink);
        assertTrue(browser.manage().getCookies().isEmpty(), "the public pages set no cookie");
        browser.get(portal.baseUrl() + "/ru/sobytiya");
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("Информационное занятие в лицее Криулень"));
        Browsers.screenshot(browser, "events-ru.png");

        HttpClient http = HttpClient.newHttpClient();
        for (String feed : new String[] {"/ro/evenimente.ics", "/ru/sobytiya.ics?type=school-session"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + feed)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            String body = response.body().replace("\r\n ", "");
            assertTrue(body.contains("\r\nUID:" + key + "@localhost\r\n"), body);
            assertTrue(body.contains(feed.startsWith("/ro") ? "SUMMARY:Sesiune de informare la Liceul din Criuleni"
                    : "SUMMARY:Информационное занятие в лицее Криулень"), body);
        }
    }

    private void setValue(String name, String value) {
        WebElement input = browser.findElement(By.name(name));
        browser.executeScript("arguments[0].value = arguments[1];", input, value);
    }

    private void createTrainer() {
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        browser.findElement(By.linkText("Utilizatori")).click();
        wait.until(ExpectedConditions.urlMatches(".*/admin/users.*"));
        browser.findElement(By.name("email")).sendKeys(TRAINER_EMAIL);
        browser.findElement(By.name("displayName")).sendKeys("Formatoare Test");
        new Select(browser.findElement(By.name("role"))).selectByVisibleText("Formator");
        browser.findElement(By.name("password")).sendKeys(TRAINER_PASSWORD);
        // The new-account form: the rows above it have forms of their own now.
        browser.findElement(By.xpath("//input[@name='displayName']/ancestor::form//button[@type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".admin-table"), "Formatoare Test"));
        browser.findElement(By.cssSelector(".admin-logout button")).click();
        wait.until(ExpectedConditions.urlMatches(".*/admin/login.*"));
    }
}
