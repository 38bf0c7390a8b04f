package md.migratiesigura.portal.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import md.migratiesigura.portal.account.Totp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An administrator and an editor in a real browser against the packaged jar: the login and logout forms pass
 * Wicket's resource-isolation check as a browser sends them, and roles decide what each may open.
 */
class BackOfficeLoginIT extends BrowserJourney {

    private static final String ADMIN_EMAIL = "coordonator@example.org";
    private static final String ADMIN_PASSWORD = "o parola lunga pentru test";
    private static final String EDITOR_EMAIL = "editoare@example.org";
    private static final String EDITOR_PASSWORD = "editoarea scrie articole bune";

    BackOfficeLoginIT() {
        super(1280, 900);
    }

    @Override
    protected void configure(Map<String, String> env) {
        administrator(env, ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @Test
    void administratorCreatesAnEditorWhoSeesOnlyWhatTheirRoleAllows() throws Exception {
        browser.get(portal.baseUrl() + "/admin/");
        wait.until(ExpectedConditions.urlMatches(".*/admin/login$"));
        assertEquals("ro", browser.findElement(By.tagName("html")).getAttribute("lang"));

        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("Bun venit"));
        Cookie session = browser.manage().getCookieNamed("PORTAL_SESSION");
        assertNotNull(session, "signing in sets the session cookie");
        assertTrue(session.isHttpOnly(), "scripts cannot read the session cookie");
        assertEquals("Strict", session.getSameSite());
        Browsers.screenshot(browser, "admin-dashboard.png");

        browser.findElement(By.linkText("Utilizatori")).click();
        wait.until(ExpectedConditions.urlMatches(".*/admin/users.*"));
        browser.findElement(By.name("email")).sendKeys(EDITOR_EMAIL);
        browser.findElement(By.name("displayName")).sendKeys("Editoare Test");
        new Select(browser.findElement(By.name("role"))).selectByVisibleText("Editor");
        browser.findElement(By.name("password")).sendKeys(EDITOR_PASSWORD);
        // The new-account form: the rows above it have forms of their own now.
        browser.findElement(By.xpath("//input[@name='displayName']/ancestor::form//button[@type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "Contul " + EDITOR_EMAIL + " a fost creat."));
        assertTrue(browser.findElement(By.cssSelector(".admin-table")).getText().contains("Editoare Test"));
        Browsers.screenshot(browser, "admin-users.png");

        signOut();

        signIn(EDITOR_EMAIL, EDITOR_PASSWORD);
        String main = browser.findElement(By.tagName("main")).getText();
        assertTrue(main.contains("Vizite") && !main.contains("Raportul anual"), "an editor is not offered the report: " + main);
        assertTrue(main.contains("Articole") && main.contains("Traduceri"), main);
        assertTrue(browser.findElements(By.linkText("Utilizatori")).isEmpty(), "users are not offered to an editor");
        assertTrue(browser.findElements(By.linkText("Jurnal de audit")).isEmpty(), "nor is the audit log");

        browser.get(portal.baseUrl() + "/admin/users");
        assertEquals("Nu ai acces la această pagină", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElements(By.name("displayName")).isEmpty(), "the users page is not shown");
        Browsers.screenshot(browser, "admin-forbidden.png");

        signOut();
        browser.get(portal.baseUrl() + "/admin/");
        wait.until(ExpectedConditions.urlMatches(".*/admin/login$"));
    }

    @Test
    void aWrongPasswordIsRefusedPolitelyInTheChosenLanguage() {
        browser.get(portal.baseUrl() + "/admin/login");
        browser.findElement(By.cssSelector("nav.language a")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "ru"));
        browser.findElement(By.name("email")).sendKeys(ADMIN_EMAIL);
        browser.findElement(By.name("password")).sendKeys("not the password at all");
        browser.findElement(By.cssSelector(".admin-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "Неверный адрес электронной почты или пароль."));
        assertTrue(browser.getCurrentUrl().contains("/admin/login"), browser.getCurrentUrl());
    }

    @Test
    void aTrainerTurnsOnTheSecondFactorAndThenSignsInWithTheCodeOfTheirApp() {
        String trainer = "formator-" + System.nanoTime() + "@example.org";
        String password = "formatorul are o parolă lungă";
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        browser.get(portal.baseUrl() + "/admin/users");
        browser.findElement(By.name("email")).sendKeys(trainer);
        browser.findElement(By.name("displayName")).sendKeys("Formator Test");
        new Select(browser.findElement(By.name("role"))).selectByVisibleText("Formator");
        browser.findElement(By.name("password")).sendKeys(password);
        // The new-account form: the rows above it have forms of their own now.
        browser.findElement(By.xpath("//input[@name='displayName']/ancestor::form//button[@type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "a fost creat"));
        signOut();

        signIn(trainer, password);
        browser.findElement(By.linkText("Contul meu")).click();
        browser.findElement(By.xpath("//button[normalize-space()='Pornește verificarea în doi pași']")).click();
        String uri = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("code.break"))).getText();
        assertTrue(uri.startsWith("otpauth://totp/"), uri);
        byte[] secret = Totp.fromBase32(uri.replaceAll(".*[?&]secret=([A-Z2-7]+).*", "$1"));
        browser.findElement(By.name("code")).sendKeys(Totp.code(secret, Totp.step(Instant.now())));
        browser.findElement(By.xpath("//input[@name='code']/ancestor::form//button[@type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "Verificarea în doi pași este pornită."));
        assertTrue(browser.findElements(By.cssSelector("code.break")).isEmpty(), "the secret is not shown again");
        signOut();

        browser.get(portal.baseUrl() + "/admin/login");
        browser.findElement(By.name("email")).sendKeys(trainer);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector(".admin-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/admin/login/code.*"));
        assertTrue(browser.findElements(By.cssSelector(".admin-logout button")).isEmpty(), "not signed in yet");
        browser.findElement(By.name("code")).sendKeys(Totp.code(secret, Totp.step(Instant.now()) + 1));
        browser.findElement(By.cssSelector(".admin-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/admin/$"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("Bun venit"));
        signOut();
    }

    private void signOut() {
        browser.findElement(By.cssSelector(".admin-logout button")).click();
        wait.until(ExpectedConditions.urlMatches(".*/admin/login$"));
        assertTrue(browser.findElements(By.cssSelector(".admin-logout button")).isEmpty(), "signed out");
    }

}
