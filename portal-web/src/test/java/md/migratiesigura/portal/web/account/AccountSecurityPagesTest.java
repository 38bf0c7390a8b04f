package md.migratiesigura.portal.web.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.migratiesigura.portal.account.Totp;
import md.migratiesigura.portal.account.UserSummary;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditRecord;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.web.TestClock;
import md.migratiesigura.portal.web.TestPortal;
import md.migratiesigura.portal.web.admin.AccessDeniedPage;
import md.migratiesigura.portal.web.admin.DashboardPage;
import md.migratiesigura.portal.web.security.StaffSession;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The second factor, the user's own password, and the administrator's resets and "end sessions", in WicketTester on
 * the real core. Codes are computed from the secret the page shows, at the core's clock (the system's).
 */
class AccountSecurityPagesTest {

    private static final Pattern SECRET = Pattern.compile("otpauth://totp/[^\"<]*secret=([A-Z2-7]+)");
    private static final String NEW_PASSWORD = "o parolă nouă, destul de lungă";

    private final TestClock clock = new TestClock();
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
    void aUserTurnsOnTheSecondFactorAndThenSignsInWithPasswordAndCode() {
        String editor = TestPortal.newStaff(Role.EDITOR);
        byte[] secret = enrol(editor);

        submit(tester.newFormTester("logoutForm"));
        signInWithPassword(editor, TestPortal.STAFF_PASSWORD);
        tester.assertRenderedPage(LoginCodePage.class);
        assertFalse(StaffSession.get().isSignedIn(), "the password alone does not sign in");
        assertEquals(AuditAction.LOGIN_CODE_REQUIRED, latestAudit().action());
        tester.executeUrl("admin/users");
        tester.assertRenderedPage(LoginPage.class);

        tester.executeUrl("admin/login/code");
        tester.assertRenderedPage(LoginCodePage.class);
        submitCode(wrongCode(secret));
        tester.assertRenderedPage(LoginCodePage.class);
        assertTrue(tester.getLastResponseAsString().contains("Codul nu este corect sau a fost deja folosit."));
        assertEquals(AuditAction.LOGIN_CODE_FAILED, latestAudit().action());

        String sessionBefore = tester.getHttpSession().getId();
        // The confirmation used this step's code; the next step's is accepted (one step of clock drift).
        submitCode(Totp.code(secret, Totp.step(Instant.now()) + 1));
        tester.assertRenderedPage(DashboardPage.class);
        assertTrue(StaffSession.get().isSignedIn());
        assertFalse(sessionBefore.equals(tester.getHttpSession().getId()), "a new session id once fully signed in");
        AuditRecord succeeded = latestAudit();
        assertEquals(AuditAction.LOGIN_SUCCEEDED, succeeded.action());
        assertEquals("second-factor", succeeded.detail());

        tester.executeUrl("admin/account");
        String page = tester.getLastResponseAsString();
        assertTrue(page.contains("Verificarea în doi pași este pornită"));
        assertFalse(page.contains(Totp.base32(secret).substring(0, 8)), "the secret is never shown again");
        assertFalse(page.contains("otpauth://"));
    }

    @Test
    void aWrongConfirmationCodeLeavesTheSecondFactorOff() {
        String editor = TestPortal.newStaff(Role.EDITOR);
        signIn(editor, TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/account");
        submit(tester.newFormTester("startEnrolment"));
        byte[] secret = shownSecret();
        FormTester form = tester.newFormTester("enrolment:confirmForm");
        form.setValue("code", wrongCode(secret));
        submit(form);
        assertTrue(tester.getLastResponseAsString().contains("Codul nu este corect."));
        assertEquals(AuditAction.TOTP_ENROLMENT_FAILED, latestAudit().action());
        assertFalse(summary(editor).secondFactor());
        assertTrue(tester.getLastResponseAsString().contains(Totp.base32(secret).substring(0, 4)),
                "the same secret is still offered");
    }

    @Test
    void wrongCodesAreThrottledLikeWrongPasswords() {
        String editor = TestPortal.newStaff(Role.EDITOR);
        byte[] secret = enrol(editor);
        submit(tester.newFormTester("logoutForm"));
        signInWithPassword(editor, TestPortal.STAFF_PASSWORD);
        for (int i = 0; i < 5; i++) {
            submitCode(wrongCode(secret));
        }
        submitCode(Totp.code(secret, Totp.step(Instant.now()) + 1));
        tester.assertRenderedPage(LoginCodePage.class);
        assertTrue(tester.getLastResponseAsString().contains("Prea multe încercări nereușite."));
        assertFalse(StaffSession.get().isSignedIn());
        assertEquals(AuditAction.LOGIN_CODE_THROTTLED, latestAudit().action());
        // Typing the password again does not buy more guesses.
        signInWithPassword(editor, TestPortal.STAFF_PASSWORD);
        tester.assertRenderedPage(LoginPage.class);
        assertTrue(tester.getLastResponseAsString().contains("Prea multe încercări nereușite."));
    }

    @Test
    void anAdministratorResetsALostSecondFactorFromTheUsersPage() {
        String editor = TestPortal.newStaff(Role.EDITOR);
        usersPageWithSecondFactorOn(editor);
        int row = indexOf(editor);
        assertTrue(tester.getLastResponseAsString().contains("Pornită"));
        submit(tester.newFormTester("users:" + row + ":resetTotp"));
        assertTrue(tester.getLastResponseAsString().contains(
                "Verificarea în doi pași a contului " + editor + " a fost oprită"));
        assertEquals(AuditAction.TOTP_RESET, latestAudit().action());
        assertFalse(summary(editor).secondFactor());
        assertTrue(TestPortal.services().users().authenticate(editor, TestPortal.STAFF_PASSWORD).isPresent());
    }

    @Test
    void everyChangeOnTheUsersAndAccountPagesIsAPostedFormNotALink() {
        usersPageWithSecondFactorOn(TestPortal.newStaff(Role.EDITOR));
        assertPostedFormsOnly(tester.getLastResponseAsString(), "toggle", "endSessions", "resetTotp");

        String other = TestPortal.newStaff(Role.TRAINER);
        submit(tester.newFormTester("logoutForm"));
        signIn(other, TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/account");
        assertPostedFormsOnly(tester.getLastResponseAsString(), "startEnrolment");
        submit(tester.newFormTester("startEnrolment"));
        assertTrue(tester.getLastResponseAsString().contains("otpauth://"), "the set-up starts");
        assertPostedFormsOnly(tester.getLastResponseAsString(), "cancel");
        submit(tester.newFormTester("enrolment:cancel"));
        assertFalse(tester.getLastResponseAsString().contains("otpauth://"), "and is cancelled");
        assertFalse(StaffSession.get().isEnrolling());
    }

    /** Turns the second factor on for the account, then opens the users page as the administrator. */
    private void usersPageWithSecondFactorOn(String email) {
        enrol(email);
        submit(tester.newFormTester("logoutForm"));
        signIn(TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
        tester.executeUrl("admin/users");
    }

    /** Every element whose address invokes one of the components is a form sent by POST, and there is one. */
    private static void assertPostedFormsOnly(String html, String... componentIds) {
        for (String id : componentIds) {
            Matcher tag = Pattern.compile("<(\\w+)\\b[^>]*\"[^\"]*-" + id + "\"[^>]*>").matcher(html);
            assertTrue(tag.find(), id + " is offered");
            do {
                assertEquals("form", tag.group(1), tag.group());
                assertTrue(tag.group().contains("method=\"post\""), tag.group());
            } while (tag.find());
        }
    }

    @Test
    void changingMyPasswordKeepsThisSessionAndEndsTheOthers() {
        String editor = TestPortal.newStaff(Role.EDITOR);
        int otherSession = TestPortal.services().users().checkPassword(editor, TestPortal.STAFF_PASSWORD)
                .orElseThrow().sessionGeneration();
        signIn(editor, TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/account");

        changePassword("not my password", NEW_PASSWORD, NEW_PASSWORD);
        assertTrue(tester.getLastResponseAsString().contains("Parola actuală nu este corectă."));
        assertEquals(AuditAction.PASSWORD_CHANGE_FAILED, latestAudit().action());
        changePassword(TestPortal.STAFF_PASSWORD, "password1234", "password1234");
        assertTrue(tester.getLastResponseAsString().contains("Parola nu poate fi una dintre")
                || tester.getLastResponseAsString().contains("foarte folosit"), "the policy is explained");
        changePassword(TestPortal.STAFF_PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!");
        assertTrue(tester.getLastResponseAsString().contains("trebuie să fie la fel"));
        assertTrue(TestPortal.services().users().authenticate(editor, TestPortal.STAFF_PASSWORD).isPresent(),
                "nothing was changed by the refused tries");

        changePassword(TestPortal.STAFF_PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
        assertTrue(tester.getLastResponseAsString().contains("Parola a fost schimbată."));
        assertEquals(AuditAction.PASSWORD_CHANGED, latestAudit().action());
        long id = summary(editor).id();
        assertTrue(TestPortal.services().users().active(id, otherSession).isEmpty(), "the other session is ended");
        tester.executeUrl("admin/account");
        tester.assertRenderedPage(AccountPage.class);
        assertTrue(TestPortal.services().users().authenticate(editor, NEW_PASSWORD).isPresent());
    }

    @Test
    void aSessionEndedByAnAdministratorIsSignedOutAtItsNextRequest() {
        String editor = TestPortal.newStaff(Role.EDITOR);
        signIn(editor, TestPortal.STAFF_PASSWORD);
        // The administrator works on another node: only the database is shared.
        WicketTester admin = new WicketTester(TestPortal.newApplication(clock));
        try {
            admin.executeUrl("admin/login");
            FormTester login = admin.newFormTester("form");
            login.setValue("email", TestPortal.ADMIN_EMAIL);
            login.setValue("password", TestPortal.ADMIN_PASSWORD);
            admin.addRequestHeader("sec-fetch-site", "same-origin");
            login.submit();
            admin.executeUrl("admin/users");
            int row = indexOf(editor);
            admin.addRequestHeader("sec-fetch-site", "same-origin");
            admin.newFormTester("users:" + row + ":endSessions").submit();
            assertTrue(admin.getLastResponseAsString().contains("Sesiunile contului " + editor + " au fost încheiate."));
        } finally {
            admin.destroy();
        }
        AuditRecord ended = latestAudit();
        assertEquals(AuditAction.SESSIONS_ENDED, ended.action());
        assertEquals(editor, ended.target());

        org.apache.wicket.ThreadContext.setApplication(tester.getApplication());
        tester.executeUrl("admin/articles");
        tester.assertRenderedPage(LoginPage.class);
        assertTrue(tester.getLastResponseAsString().contains("Sesiunea s-a încheiat. Intră din nou."));
        assertFalse(StaffSession.get().isSignedIn());
        signIn(editor, TestPortal.STAFF_PASSWORD);
    }

    @Test
    void anAdministratorSetsANewPasswordAndTheUsersSessionsEnd() {
        String editor = TestPortal.newStaff(Role.EDITOR);
        int editorSession = TestPortal.services().users().checkPassword(editor, TestPortal.STAFF_PASSWORD)
                .orElseThrow().sessionGeneration();
        signIn(TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
        tester.executeUrl("admin/users");
        int self = indexOf(TestPortal.ADMIN_EMAIL);
        tester.assertInvisible("users:" + self + ":resetPassword");
        tester.assertInvisible("users:" + self + ":endSessions");
        long id = summary(editor).id();
        tester.executeUrl("admin/users/" + id + "/password");
        tester.assertRenderedPage(UserPasswordPage.class);
        FormTester weak = tester.newFormTester("form");
        weak.setValue("password", "short");
        weak.setValue("repeat", "short");
        submit(weak);
        tester.assertRenderedPage(UserPasswordPage.class);
        assertTrue(TestPortal.services().users().active(id, editorSession).isPresent(), "nothing changed");

        FormTester form = tester.newFormTester("form");
        form.setValue("password", NEW_PASSWORD);
        form.setValue("repeat", NEW_PASSWORD);
        submit(form);
        tester.assertRenderedPage(UsersPage.class);
        assertTrue(tester.getLastResponseAsString().contains("Contul " + editor + " are o parolă nouă"));
        assertEquals(AuditAction.PASSWORD_RESET, latestAudit().action());
        assertTrue(TestPortal.services().users().active(id, editorSession).isEmpty());
        assertTrue(TestPortal.services().users().authenticate(editor, NEW_PASSWORD).isPresent());

        tester.executeUrl("admin/users/999999999/password");
        assertEquals(404, tester.getLastResponse().getStatus());
    }

    @Test
    void onlyAdministratorsMayResetPasswords() {
        String editor = TestPortal.newStaff(Role.EDITOR);
        signIn(editor, TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/users/" + TestPortal.administrator().id() + "/password");
        tester.assertRenderedPage(AccessDeniedPage.class);
        assertEquals(403, tester.getLastResponse().getStatus());
    }

    /** Signs in, turns the second factor on from the account page and returns the secret it showed. */
    private byte[] enrol(String email) {
        signIn(email, TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/account");
        tester.assertRenderedPage(AccountPage.class);
        submit(tester.newFormTester("startEnrolment"));
        byte[] secret = shownSecret();
        assertTrue(tester.getLastResponseAsString().contains(Totp.base32(secret).substring(0, 4) + " "),
                "the secret is shown as text, in groups");
        FormTester form = tester.newFormTester("enrolment:confirmForm");
        form.setValue("code", Totp.code(secret, Totp.step(Instant.now())));
        submit(form);
        assertTrue(tester.getLastResponseAsString().contains("Verificarea în doi pași este pornită."));
        assertEquals(AuditAction.TOTP_ENABLED, latestAudit().action());
        assertTrue(summary(email).secondFactor());
        return secret;
    }

    private byte[] shownSecret() {
        Matcher matcher = SECRET.matcher(tester.getLastResponseAsString());
        assertTrue(matcher.find(), "the otpauth address is shown");
        return Totp.fromBase32(matcher.group(1));
    }

    /** A code that none of the accepted steps produces. */
    private static String wrongCode(byte[] secret) {
        long step = Totp.step(Instant.now());
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            boolean used = false;
            for (long s = step - 2; s <= step + 2; s++) {
                used |= Totp.code(secret, s).equals(code);
            }
            if (!used) {
                return code;
            }
        }
    }

    private void changePassword(String current, String next, String repeat) {
        FormTester form = tester.newFormTester("passwordForm");
        form.setValue("current", current);
        form.setValue("next", next);
        form.setValue("repeat", repeat);
        submit(form);
    }

    private void signIn(String email, String password) {
        signInWithPassword(email, password);
        tester.assertRenderedPage(DashboardPage.class);
    }

    private void signInWithPassword(String email, String password) {
        tester.executeUrl("admin/login");
        FormTester form = tester.newFormTester("form");
        form.setValue("email", email);
        form.setValue("password", password);
        submit(form);
    }

    private void submitCode(String code) {
        FormTester form = tester.newFormTester("form");
        form.setValue("code", code);
        submit(form);
    }

    private void submit(FormTester form) {
        tester.addRequestHeader("sec-fetch-site", "same-origin");
        form.submit();
    }

    private static int indexOf(String email) {
        List<UserSummary> users = TestPortal.services().users().list();
        for (int i = 0; i < users.size(); i++) {
            if (users.get(i).email().equals(email)) {
                return i;
            }
        }
        throw new AssertionError(email + " is not listed");
    }

    private static UserSummary summary(String email) {
        return TestPortal.services().users().list().stream().filter(u -> u.email().equals(email)).findFirst()
                .orElseThrow();
    }

    private static AuditRecord latestAudit() {
        return TestPortal.services().audit().newest(0, 1).get(0);
    }

}
