package md.migratiesigura.portal.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Online consultations in real browsers against the packaged jar: a person asks anonymously on a phone, an SOS
 * question jumps the queue, a counsellor answers, the person reads the answer with the ticket code and phrase; a
 * wrong phrase reveals nothing and is throttled; the honeypot and the limit per address refuse politely.
 */
class ConsultationJourneyIT {

    private static final String ADMIN_EMAIL = "coordonatoare@example.org";
    private static final String ADMIN_PASSWORD = "consultatii online pentru test";

    private static PortalProcess portal;
    private static java.nio.file.Path dataDir;

    @BeforeAll
    static void startPortal() throws Exception {
        dataDir = Files.createTempDirectory("portal-consultation-it");
        Map<String, String> env = TestDatabases.portalEnvironment(dataDir);
        env.put("PORTAL_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("PORTAL_ADMIN_PASSWORD", Browsers.oneTimePassword(ADMIN_PASSWORD));
        // A person needs more than a second to write a question; the default (4 s) would only slow the test down.
        env.put("PORTAL_CONSULTATION_MIN_FILL_SECONDS", "1");
        portal = PortalProcess.start(env, Duration.ofSeconds(120));
        Browsers.firstSignIn(portal.baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @AfterAll
    static void stopPortal() throws Exception {
        portal.close();
    }

    @Test
    void aPersonAsksACounsellorAnswersAndThePersonReadsTheAnswerWithTicketAndPhrase() throws Exception {
        ChromeDriver person = Browsers.chromium(412, 915);
        ChromeDriver counsellor = Browsers.chromium(1280, 900);
        try {
            WebDriverWait wait = Browsers.waitFor(person, Duration.ofSeconds(10));
            String[] plain = ask(person, wait, "/ro/consultatie", "Drepturi la locul de muncă",
                    "Angajatorul din Polonia nu mi-a plătit salariul pe două luni. Ce pot face?", "Trimite întrebarea");
            assertTrue(person.manage().getCookies().isEmpty(), "no cookie for a person asking");
            Browsers.screenshot(person, "consultation-sent.png");

            person.get(portal.baseUrl() + "/ru/konsultatsiya");
            person.findElement(By.linkText("Я в опасности сейчас")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".danger-now a[href='tel:112']")));
            WebElement danger = person.findElement(By.cssSelector(".danger-now"));
            assertTrue(danger.getLocation().getY() < person.findElement(By.tagName("h1")).getLocation().getY(),
                    "what to do comes before anything else");
            assertTrue(danger.getText().contains("0 800 77777"));
            assertTrue(person.findElement(By.id("consultation-sos")).isSelected(), "the SOS box is ticked");
            Browsers.screenshot(person, "consultation-danger.png");
            String[] sos = ask(person, wait, null, "Пропавший родственник",
                    "Сестра уехала в Германию и не отвечает уже неделю.", "Отправить вопрос");

            WebDriverWait staffWait = Browsers.waitFor(counsellor, Duration.ofSeconds(10));
            Browsers.signIn(counsellor, portal.baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
            counsellor.findElement(By.linkText("Consultații online")).click();
            staffWait.until(ExpectedConditions.urlMatches(".*/admin/consultations.*"));
            List<WebElement> rows = counsellor.findElements(By.cssSelector(".consultation-inbox tbody tr"));
            assertEquals(2, rows.size());
            assertTrue(rows.get(0).getText().contains(sos[0]) && rows.get(0).getText().contains("SOS"),
                    "the SOS question jumps the queue: " + rows.get(0).getText());
            assertTrue(rows.get(1).getText().contains(plain[0]));
            assertTrue(counsellor.findElement(By.tagName("main")).getText().contains("E-mailul este oprit"));
            Browsers.screenshot(counsellor, "consultation-inbox.png");

            counsellor.findElement(By.linkText(plain[0])).click();
            staffWait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "nu mi-a plătit salariul pe două luni"));
            counsellor.findElement(By.xpath("//button[normalize-space()='Preiau eu']")).click();
            staffWait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Ai preluat consultația."));
            counsellor.findElement(By.id("consultation-reply")).sendKeys(
                    "Păstrează contractul și dovezile de lucru. Te ajutăm să scrii inspecției muncii din Polonia.");
            counsellor.findElement(By.xpath("//button[normalize-space()='Trimite răspunsul']")).click();
            staffWait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "Răspunsul a fost salvat și așteaptă în spatele codului."));
            Browsers.screenshot(counsellor, "consultation-case.png");

            person.get(portal.baseUrl() + "/ro/consultatie/raspuns");
            readAnswer(person, plain[0], "aaaa-bbbb-cccc-dddd");
            String refused = person.findElement(By.tagName("main")).getText();
            assertTrue(refused.contains("Nu am găsit niciun răspuns pentru acest cod"), refused);
            assertFalse(refused.contains("salariul"), "a wrong phrase reveals nothing");

            readAnswer(person, plain[0].toLowerCase(), plain[1]);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Păstrează contractul"));
            assertTrue(person.findElement(By.cssSelector(".asked-question")).getText().contains("nu mi-a plătit salariul"));
            assertTrue(person.manage().getCookies().isEmpty(), "still no cookie");
            Browsers.screenshot(person, "consultation-answer.png");

            for (int i = 0; i < 5; i++) {
                readAnswer(person, sos[0], "wrong-phrase-" + i);
            }
            readAnswer(person, sos[0], sos[1]);
            String throttled = person.findElement(By.tagName("main")).getText();
            assertTrue(throttled.contains("Prea multe încercări greșite"), "wrong phrases are throttled: " + throttled);
            assertFalse(throttled.contains("Сестра"), "even the right phrase waits now");

            // A program filling the hidden field is refused; a person from the same address may still ask once more.
            person.get(portal.baseUrl() + "/ro/consultatie");
            fill(person, "Altceva", "Sunt un robot care completează tot.");
            person.executeScript("document.getElementById('consultation-website').value = 'http://spam.example/';");
            submitAfterMinimumTime(person, "Trimite întrebarea");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "formularul pare completat automat"));
            ask(person, wait, "/ro/consultatie", "Documente și vize", "Cât timp pot sta în Italia fără viză?", "Trimite întrebarea");
            person.get(portal.baseUrl() + "/ro/consultatie");
            fill(person, "Altceva", "A patra întrebare în câteva minute.");
            submitAfterMinimumTime(person, "Trimite întrebarea");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "Te rugăm să încerci din nou mai târziu"));
            Browsers.screenshot(person, "consultation-rate-limit.png");

            String log = portal.output();
            java.nio.file.Path keyFile = dataDir.resolve("consultation.key");
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)),
                    "the generated key is readable by the portal's user only");
            assertTrue(log.contains("generated a consultation encryption key in " + keyFile), "the log says so");
            assertFalse(log.contains(Files.readString(keyFile).strip()), "but never shows the key");
            for (String secret : List.of("salariul", "Сестра", "Păstrează contractul", plain[1], sos[1], "spam.example")) {
                assertFalse(log.contains(secret), "nothing of a question, reply or phrase in the log: " + secret);
            }
        } finally {
            person.quit();
            counsellor.quit();
        }
    }

    /** Fills and sends the form; returns the ticket code and the phrase shown. Null path: the page already open. */
    private static String[] ask(ChromeDriver browser, WebDriverWait wait, String path, String topic, String question,
                                String submit) throws InterruptedException {
        if (path != null) {
            browser.get(portal.baseUrl() + path);
        }
        fill(browser, topic, question);
        submitAfterMinimumTime(browser, submit);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ticket-code")));
        return new String[] {browser.findElement(By.cssSelector(".ticket-code")).getText(),
                browser.findElement(By.cssSelector(".ticket-phrase")).getText()};
    }

    private static void fill(ChromeDriver browser, String topic, String question) {
        browser.findElement(By.xpath("//label[normalize-space()='" + topic + "']")).click();
        browser.findElement(By.id("consultation-question")).sendKeys(question);
        browser.findElement(By.id("consultation-consent")).click();
    }

    private static void submitAfterMinimumTime(ChromeDriver browser, String submit) throws InterruptedException {
        Thread.sleep(1_100);
        browser.findElement(By.xpath("//button[normalize-space()='" + submit + "']")).click();
    }

    private static void readAnswer(ChromeDriver browser, String ticket, String phrase) {
        browser.get(portal.baseUrl() + "/ro/consultatie/raspuns");
        browser.findElement(By.id("answer-ticket")).sendKeys(ticket);
        browser.findElement(By.id("answer-phrase")).sendKeys(phrase);
        browser.findElement(By.xpath("//button[normalize-space()='Arată răspunsul']")).click();
        Browsers.waitFor(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".feedbackPanel, .consultation-answer")));
    }
}
