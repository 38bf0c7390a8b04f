package md.migratiesigura.portal.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import md.migratiesigura.portal.MutableClock;
import md.migratiesigura.portal.account.UserSummary;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditRecord;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.web.TestPortal;
import md.migratiesigura.portal.web.account.LoginPage;
import md.migratiesigura.portal.web.account.UsersPage;
import md.migratiesigura.portal.web.audit.AuditPage;
import md.migratiesigura.portal.web.home.HomePage;
import md.migratiesigura.portal.web.security.StaffSession;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The back office in WicketTester, on the real core: login, sessions, roles, users and the audit log. */
class BackOfficePagesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-12T08:00:00Z"));
    private WicketTester tester;

    @BeforeEach
    void setUp() {
        tester = new WicketTester(TestPortal.newApplication(clock));
    }

    @AfterEach
    void tearDown() {
        tester.destroy();
    }

    @Test
    void anAdministratorSignsInAndSeesWhatTheyMayOpen() {
        StaffTesting.signIn(tester, TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
        tester.assertRenderedPage(DashboardPage.class);
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("<html lang=\"ro\">"), "Romanian by default");
        assertTrue(html.contains("href=\"./users\"") || html.contains("admin/users"), "users are offered");
        assertTrue(html.contains("Jurnal de audit"), "the audit log is offered");
        assertTrue(StaffSession.get().isSignedIn());
        assertEquals(AuditAction.LOGIN_SUCCEEDED, latestAudit().action());
        assertEquals(TestPortal.ADMIN_EMAIL, latestAudit().actorEmail());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aWrongPasswordAndAnUnknownEmailGetTheSameMessage(Language language) {
        tester.executeUrl("admin/login");
        if (language == Language.RU) {
            StaffTesting.click(tester, "languageSwitch");
            assertTrue(tester.getLastResponseAsString().contains("<html lang=\"ru\">"));
        }
        String expected = language == Language.RO
                ? "Adresa de e-mail sau parola nu este corectă." : "Неверный адрес электронной почты или пароль.";
        StaffTesting.submitLogin(tester, TestPortal.ADMIN_EMAIL, "not the password");
        tester.assertRenderedPage(LoginPage.class);
        String wrongPassword = tester.getLastResponseAsString();
        assertTrue(wrongPassword.contains(expected), "the failure is explained in " + language);
        StaffTesting.submitLogin(tester, "nobody-" + language.code() + "@example.org", "not the password");
        tester.assertRenderedPage(LoginPage.class);
        String unknownEmail = tester.getLastResponseAsString();
        assertTrue(unknownEmail.contains(expected));
        assertFalse(StaffSession.get().isSignedIn());
        AuditRecord unknown = latestAudit();
        assertEquals(AuditAction.LOGIN_FAILED, unknown.action());
        assertEquals(null, unknown.actorEmail(), "an unknown e-mail is not written down");
    }

    @Test
    void theSessionIdChangesAtLogin() {
        tester.executeUrl("admin/login");
        StaffTesting.click(tester, "languageSwitch");
        // Nobody gets a session before a right password; this one stands for a session an attacker planted.
        tester.getRequest().getSession(true);
        String before = tester.getSession().getId();
        assertNotNull(before, "a session exists before signing in");
        StaffTesting.submitLogin(tester, TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
        tester.assertRenderedPage(DashboardPage.class);
        assertNotEquals(before, tester.getSession().getId());
        assertNotEquals(before, tester.getHttpSession().getId());
        assertTrue(tester.getLastResponseAsString().contains("<html lang=\"ru\">"), "the language chosen is kept");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theLanguageIsChosenAndAWrongPasswordRefusedWithoutASession(Language language) {
        tester.executeUrl("admin/login");
        if (language == Language.RU) {
            StaffTesting.click(tester, "languageSwitch");
        }
        assertTrue(tester.getLastResponseAsString().contains("<html lang=\"" + language.code() + "\">"));
        StaffTesting.submitLogin(tester, TestPortal.ADMIN_EMAIL, "not the password");
        assertTrue(tester.getLastResponseAsString().contains(language == Language.RO
                ? "Adresa de e-mail sau parola nu este corectă." : "Неверный адрес электронной почты или пароль."));
        assertTrue(tester.getSession().isTemporary(), "no session before a right password");
        StaffTesting.click(tester, "languageSwitch");
        assertTrue(tester.getLastResponseAsString().contains("<html lang=\"" + language.other().code() + "\">"));
        assertTrue(tester.getSession().isTemporary(), "the other language, still without a session");
    }

    @Test
    void logoutEndsTheSessionAndReturnsToTheLogin() {
        StaffTesting.signIn(tester, TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
        String signedInId = tester.getHttpSession().getId();
        StaffTesting.submit(tester, tester.newFormTester("logoutForm"));
        tester.assertRenderedPage(LoginPage.class);
        assertFalse(StaffSession.get().isSignedIn());
        assertNotEquals(signedInId, tester.getHttpSession().getId(), "the signed-in session is gone");
        assertEquals(AuditAction.LOGOUT, latestAudit().action());
        tester.executeUrl("admin/users");
        tester.assertRenderedPage(LoginPage.class);
    }

    @Test
    void anonymousVisitorsOfTheBackOfficeAreSentToTheLoginWithoutASession() {
        tester.executeUrl("admin/users");
        tester.assertRenderedPage(LoginPage.class);
        assertTrue(tester.getSession().isTemporary(), "neither the redirect nor the login page binds a session");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void anEditorIsRefusedTheUsersPageWithALocalized403(Language language) {
        String editor = TestPortal.newStaff(Role.EDITOR);
        StaffTesting.signIn(tester, editor, TestPortal.STAFF_PASSWORD);
        if (language == Language.RU) {
            StaffTesting.click(tester, "languageSwitch");
        }
        String dashboard = tester.getLastResponseAsString();
        assertFalse(dashboard.contains("admin/users") || dashboard.contains("./users"), "users are not offered");
        assertTrue(dashboard.contains(language == Language.RO ? "Vizite" : "Посещения"), "the visits are offered");
        assertTrue(dashboard.contains(language == Language.RO ? "Articole" : "Статьи"), "the editor's own sections");

        tester.executeUrl("admin/users");
        tester.assertRenderedPage(AccessDeniedPage.class);
        assertEquals(403, tester.getLastResponse().getStatus());
        assertTrue(tester.getLastResponseAsString().contains(
                language == Language.RO ? "Nu ai acces la această pagină" : "У вас нет доступа к этой странице"));
        AuditRecord denied = latestAudit();
        assertEquals(AuditAction.ACCESS_DENIED, denied.action());
        assertEquals(editor, denied.actorEmail());
        assertEquals("admin/users", denied.target());

        tester.executeUrl("admin/audit");
        tester.assertRenderedPage(AccessDeniedPage.class);
    }

    @Test
    void anAdministratorCreatesAnEditorWhoCanThenSignIn() {
        StaffTesting.signIn(tester, TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
        tester.executeUrl("admin/users");
        tester.assertRenderedPage(UsersPage.class);
        String email = "new-editor-" + System.nanoTime() + "@example.org";
        submitNewUser(email, "Editoare Nouă", Role.EDITOR, "o parolă lungă de editor");
        tester.assertRenderedPage(UsersPage.class);
        tester.assertNoErrorMessage();
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("Contul " + email + " a fost creat."), "the creation is confirmed");
        assertTrue(html.contains("Editoare Nouă"), "the new account is listed");
        assertEquals(AuditAction.USER_CREATED, latestAudit().action());
        assertEquals(email, latestAudit().target());
        assertTrue(TestPortal.services().users().authenticate(email, "o parolă lungă de editor").isPresent());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theCreateFormExplainsWeakPasswordsAndSavesNothing(Language language) {
        StaffTesting.signIn(tester, TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
        if (language == Language.RU) {
            StaffTesting.click(tester, "languageSwitch");
        }
        tester.executeUrl("admin/users");
        int accounts = TestPortal.services().users().list().size();

        submitNewUser("weak-" + System.nanoTime() + "@example.org", "Weak", Role.EDITOR, "password1234");
        assertTrue(tester.getLastResponseAsString().contains(language == Language.RO
                ? "este una dintre cele mai folosite parole" : "один из самых распространённых паролей"));

        submitNewUser("short-" + System.nanoTime() + "@example.org", "Short", Role.EDITOR, "elevenchars");
        assertTrue(tester.getLastResponseAsString().contains(language == Language.RO
                ? "„Parola inițială” trebuie să aibă cel puțin 12 caractere."
                : "В поле «Начальный пароль» должно быть не меньше 12 символов."));
        assertEquals(accounts, TestPortal.services().users().list().size(), "nothing was saved");
    }

    @Test
    void aSecondAccountWithTheSameEmailIsRefusedWithAMessage() {
        String existing = TestPortal.newStaff(Role.TRAINER);
        StaffTesting.signIn(tester, TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
        tester.executeUrl("admin/users");
        int accounts = TestPortal.services().users().list().size();
        submitNewUser(existing.toUpperCase(), "Same Again", Role.EDITOR, "another good passphrase");
        tester.assertRenderedPage(UsersPage.class);
        assertTrue(tester.getLastResponseAsString().contains("Există deja un cont cu această adresă de e-mail."));
        assertEquals(accounts, TestPortal.services().users().list().size());
    }

    @Test
    void emptyFieldsGetAMessageEachNeverAnError() {
        StaffTesting.signIn(tester, TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
        tester.executeUrl("admin/users");
        StaffTesting.submit(tester, tester.newFormTester("newUser:form"));
        tester.assertRenderedPage(UsersPage.class);
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("Câmpul „Adresa de e-mail” este obligatoriu."), "each field names itself");
        assertTrue(html.contains("Câmpul „Rol” este obligatoriu."));
        assertTrue(html.contains("Câmpul „Parola inițială” este obligatoriu."));
    }

    @Test
    void anAdministratorDisablesAnAccountButIsNotOfferedToDisableThemself() {
        String counsellor = TestPortal.newStaff(Role.COUNSELLOR);
        StaffTesting.signIn(tester, TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
        tester.executeUrl("admin/users");
        List<UserSummary> users = TestPortal.services().users().list();
        int row = indexOf(users, counsellor);
        int self = indexOf(users, TestPortal.ADMIN_EMAIL);
        tester.assertInvisible("users:" + self + ":toggle");
        StaffTesting.submit(tester, tester.newFormTester("users:" + row + ":toggle"));
        assertTrue(tester.getLastResponseAsString().contains("Contul " + counsellor + " a fost dezactivat."));
        assertEquals(AuditAction.USER_DISABLED, latestAudit().action());
        assertTrue(TestPortal.services().users().authenticate(counsellor, TestPortal.STAFF_PASSWORD).isEmpty());
    }

    @Test
    void aDisabledUserIsSignedOutAtTheirNextPage() {
        String editor = TestPortal.newStaff(Role.EDITOR);
        StaffTesting.signIn(tester, editor, TestPortal.STAFF_PASSWORD);
        long id = TestPortal.services().users().list().stream().filter(u -> u.email().equals(editor)).findFirst()
                .orElseThrow().id();
        TestPortal.services().users().setEnabled(TestPortal.administrator(), id, false);
        tester.executeUrl("admin/");
        tester.assertRenderedPage(LoginPage.class);
        assertFalse(StaffSession.get().isSignedIn());
    }

    @Test
    void theSixthFailureForAnAddressIsRefusedEvenWithTheRightPasswordButAnotherAddressSignsIn() {
        String editor = TestPortal.newStaff(Role.EDITOR);
        tester.executeUrl("admin/login");
        for (int i = 0; i < 5; i++) {
            submitLoginFrom("203.0.113.9", editor, "wrong password " + i);
        }
        submitLoginFrom("203.0.113.9", editor, TestPortal.STAFF_PASSWORD);
        tester.assertRenderedPage(LoginPage.class);
        assertTrue(tester.getLastResponseAsString().contains("Prea multe încercări nereușite. Încearcă din nou peste 1 minut."));
        assertFalse(StaffSession.get().isSignedIn());
        assertEquals(AuditAction.LOGIN_THROTTLED, latestAudit().action());

        submitLoginFrom("198.51.100.4", editor, TestPortal.STAFF_PASSWORD);
        tester.assertRenderedPage(DashboardPage.class);

        clock.set(clock.instant().plus(Duration.ofMinutes(1)));
        assertEquals(Duration.ZERO, TestPortal.newApplication(clock).loginThrottle().waitBefore(editor, "203.0.113.9"),
                "a fresh application starts with no memory of failures");
    }

    @Test
    void aSessionEndsTwelveHoursAfterSigningInHoweverActive() {
        StaffTesting.signIn(tester, TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
        for (int hour = 1; hour < 12; hour++) {
            clock.set(clock.instant().plus(Duration.ofHours(1)));
            tester.executeUrl("admin/");
            tester.assertRenderedPage(DashboardPage.class);
        }
        clock.set(clock.instant().plus(Duration.ofMinutes(59)));
        tester.executeUrl("admin/audit");
        tester.assertRenderedPage(AuditPage.class);
        clock.set(clock.instant().plus(Duration.ofMinutes(1)));
        tester.executeUrl("admin/audit");
        tester.assertRenderedPage(LoginPage.class);
        assertTrue(tester.getLastResponseAsString().contains("Sesiunea s-a încheiat. Intră din nou."));
        assertFalse(StaffSession.get().isSignedIn());
    }

    @Test
    void theAuditLogShowsWhoWhatAndWhenNewestFirstButNoAddress() {
        StaffTesting.signIn(tester, TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
        tester.executeUrl("admin/audit");
        tester.assertRenderedPage(AuditPage.class);
        String html = tester.getLastResponseAsString();
        int newest = html.indexOf("Autentificare reușită");
        assertTrue(newest > 0, "the login just made is listed");
        assertTrue(html.contains(TestPortal.ADMIN_EMAIL));
        assertFalse(html.contains("127.0.0.1"), "no client address is shown");
    }

    @Test
    void theBackOfficeLeavesPublicPagesStateless() {
        tester.executeUrl("admin/login");
        tester.executeUrl("ro/");
        tester.assertRenderedPage(HomePage.class);
        assertTrue(tester.getLastRenderedPage().isPageStateless());
        assertTrue(tester.getSession().isTemporary(), "no session for a reader");
    }

    @Test
    void unknownBackOfficeAddressesAreNotFound() {
        StaffTesting.signIn(tester, TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
        tester.executeUrl("admin/nothing-here");
        assertEquals(404, tester.getLastResponse().getStatus());
    }

    private void submitLoginFrom(String address, String email, String password) {
        tester.getRequest().setRemoteAddr(address);
        StaffTesting.submitLogin(tester, email, password);
    }

    private void submitNewUser(String email, String name, Role role, String password) {
        FormTester form = tester.newFormTester("newUser:form");
        form.setValue("email", email);
        form.setValue("displayName", name);
        form.select("role", role.ordinal());
        form.setValue("password", password);
        StaffTesting.submit(tester, form);
    }

    private static int indexOf(List<UserSummary> users, String email) {
        for (int i = 0; i < users.size(); i++) {
            if (users.get(i).email().equals(email)) {
                return i;
            }
        }
        throw new AssertionError(email + " is not listed");
    }

    private static AuditRecord latestAudit() {
        return TestPortal.services().audit().newest(0, 1).get(0);
    }
}
