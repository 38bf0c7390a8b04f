package md.migratiesigura.portal.web.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.migratiesigura.portal.MutableClock;
import md.migratiesigura.portal.account.HashingSlots;
import md.migratiesigura.portal.account.HeldSlots;
import md.migratiesigura.portal.account.Totp;
import md.migratiesigura.portal.account.UserSummary;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditRecord;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.web.TestPortal;
import md.migratiesigura.portal.web.admin.AccessDeniedPage;
import md.migratiesigura.portal.web.admin.DashboardPage;
import md.migratiesigura.portal.web.admin.StaffTesting;
import md.migratiesigura.portal.web.security.StaffSession;
import org.apache.wicket.Page;
import org.apache.wicket.util.string.Strings;
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
    void aUserTurnsOnTheSecondFactorAndThenSignsInWithPasswordAndCode() {
        String editor = TestPortal.newStaff(Role.EDITOR);
        byte[] secret = enrol(editor);

        StaffTesting.submit(tester, tester.newFormTester("logoutForm"));
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
    void theEnrolmentShowsAQrCodeOfItsOtpauthAddressNamedInTheUsersLanguage() throws Exception {
        String editor = TestPortal.newStaff(Role.EDITOR);
        StaffTesting.signIn(tester, editor, TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/account");
        StaffTesting.submit(tester, tester.newFormTester("startEnrolment"));
        String html = tester.getLastResponseAsString();
        String address = shownAddress(html);
        assertEquals(address, scannedQrCode(html), "a phone scanning the code gets the address shown beside it");
        String ro = "Codul QR al adresei otpauth, de scanat cu aplicația de autentificare";
        assertTrue(html.contains("role=\"img\" aria-label=\"" + ro + "\""), "named for screen readers");
        assertTrue(html.contains("<title>" + ro + "</title>"));
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
        for (String banned : List.of("<script", "style=", "href", "data:", "<image", "<foreignObject")) {
            assertFalse(svg.contains(banned), "the strict CSP allows no " + banned);
        }
        assertTrue(html.contains(Totp.base32(shownSecret()).substring(0, 4) + " "), "the key is still there to type");
        String stored = serialized(tester.getLastRenderedPage());
        assertFalse(stored.contains(Totp.base32(shownSecret())), "the secret is not kept in the page");
        assertFalse(stored.contains(new String(shownSecret(), StandardCharsets.ISO_8859_1)), "nor its bytes");
        assertFalse(stored.contains("<svg") || stored.contains("v1h-"), "nor its QR code");

        StaffTesting.click(tester, "languageSwitch");
        tester.executeUrl("admin/account");
        html = tester.getLastResponseAsString();
        assertEquals(address, scannedQrCode(html), "the same address in Russian");
        assertTrue(html.contains("aria-label=\"QR-код адреса otpauth для сканирования приложением-аутентификатором\""));
    }

    @Test
    void aWrongConfirmationCodeLeavesTheSecondFactorOff() {
        String editor = TestPortal.newStaff(Role.EDITOR);
        StaffTesting.signIn(tester, editor, TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/account");
        StaffTesting.submit(tester, tester.newFormTester("startEnrolment"));
        byte[] secret = shownSecret();
        FormTester form = tester.newFormTester("enrolment:confirmForm");
        form.setValue("code", wrongCode(secret));
        StaffTesting.submit(tester, form);
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
        StaffTesting.submit(tester, tester.newFormTester("logoutForm"));
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
        StaffTesting.submit(tester, tester.newFormTester("users:" + row + ":resetTotp"));
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
        StaffTesting.submit(tester, tester.newFormTester("logoutForm"));
        StaffTesting.signIn(tester, other, TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/account");
        assertPostedFormsOnly(tester.getLastResponseAsString(), "startEnrolment");
        StaffTesting.submit(tester, tester.newFormTester("startEnrolment"));
        assertTrue(tester.getLastResponseAsString().contains("otpauth://"), "the set-up starts");
        assertPostedFormsOnly(tester.getLastResponseAsString(), "cancel");
        StaffTesting.submit(tester, tester.newFormTester("enrolment:cancel"));
        assertFalse(tester.getLastResponseAsString().contains("otpauth://"), "and is cancelled");
        assertFalse(StaffSession.get().isEnrolling());
    }

    /** Turns the second factor on for the account, then opens the users page as the administrator. */
    private void usersPageWithSecondFactorOn(String email) {
        enrol(email);
        StaffTesting.submit(tester, tester.newFormTester("logoutForm"));
        StaffTesting.signIn(tester, TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
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
        StaffTesting.signIn(tester, editor, TestPortal.STAFF_PASSWORD);
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
        StaffTesting.signIn(tester, editor, TestPortal.STAFF_PASSWORD);
        // The administrator works on another node: only the database is shared.
        WicketTester admin = new WicketTester(TestPortal.newApplication(clock));
        try {
            StaffTesting.signIn(admin, TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
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
        StaffTesting.signIn(tester, editor, TestPortal.STAFF_PASSWORD);
    }

    @Test
    void anAdministratorSetsANewPasswordAndTheUsersSessionsEnd() {
        String editor = TestPortal.newStaff(Role.EDITOR);
        int editorSession = TestPortal.services().users().checkPassword(editor, TestPortal.STAFF_PASSWORD)
                .orElseThrow().sessionGeneration();
        StaffTesting.signIn(tester, TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
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
        StaffTesting.submit(tester, weak);
        tester.assertRenderedPage(UserPasswordPage.class);
        assertTrue(TestPortal.services().users().active(id, editorSession).isPresent(), "nothing changed");

        FormTester form = tester.newFormTester("form");
        form.setValue("password", NEW_PASSWORD);
        form.setValue("repeat", NEW_PASSWORD);
        StaffTesting.submit(tester, form);
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
        StaffTesting.signIn(tester, editor, TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/users/" + TestPortal.administrator().id() + "/password");
        tester.assertRenderedPage(AccessDeniedPage.class);
        assertEquals(403, tester.getLastResponse().getStatus());
    }

    /** Signs in, turns the second factor on from the account page and returns the secret it showed. */
    private byte[] enrol(String email) {
        StaffTesting.signIn(tester, email, TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/account");
        tester.assertRenderedPage(AccountPage.class);
        StaffTesting.submit(tester, tester.newFormTester("startEnrolment"));
        byte[] secret = shownSecret();
        assertTrue(tester.getLastResponseAsString().contains(Totp.base32(secret).substring(0, 4) + " "),
                "the secret is shown as text, in groups");
        FormTester form = tester.newFormTester("enrolment:confirmForm");
        form.setValue("code", Totp.code(secret, Totp.step(Instant.now())));
        StaffTesting.submit(tester, form);
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

    /** The otpauth address as the page shows it for copying. */
    private static String shownAddress(String html) {
        Matcher matcher = Pattern.compile(">(otpauth://totp/[^<]+)<").matcher(html);
        assertTrue(matcher.find(), "the otpauth address is shown");
        return Strings.unescapeMarkup(matcher.group(1)).toString();
    }

    /**
     * What a phone reads from the page's QR code: the SVG's rows of dark modules drawn into an image, four pixels to
     * a module, which ZXing's reader then finds and decodes as a camera picture would be.
     */
    private static String scannedQrCode(String html) throws Exception {
        Matcher svg = Pattern.compile("<svg [^>]*viewBox=\"0 0 (\\d+) \\1\"[^>]*>.*?<path fill=\"#000\" d=\"([^\"]+)\"/>")
                .matcher(html);
        assertTrue(svg.find(), "a QR code is shown");
        int scale = 4;
        int size = Integer.parseInt(svg.group(1)) * scale;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, size, size);
        graphics.setColor(Color.BLACK);
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z").matcher(svg.group(2));
        int end = 0;
        while (run.find()) {
            assertEquals(end, run.start(), "the path is made of rows of modules only");
            graphics.fillRect(Integer.parseInt(run.group(1)) * scale, Integer.parseInt(run.group(2)) * scale,
                    Integer.parseInt(run.group(3)) * scale, scale);
            end = run.end();
        }
        graphics.dispose();
        assertEquals(svg.group(2).length(), end, "the path is made of rows of modules only");
        int[] pixels = image.getRGB(0, 0, size, size, null, 0, size);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }

    /** The page as Wicket would store it, as text. */
    private static String serialized(Page page) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(page);
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
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

    @Test
    void aLoginWhileThePasswordHashingIsFullIsAnswered503AndNotCounted() throws Exception {
        String editor = TestPortal.newStaff(Role.EDITOR);
        AuditRecord before = latestAudit();
        try (HeldSlots held = HeldSlots.of(HashingSlots.shared())) {
            signInWithPassword(editor, TestPortal.STAFF_PASSWORD);
        }
        tester.assertRenderedPage(LoginPage.class);
        assertEquals(503, tester.getLastResponse().getStatus());
        assertEquals("5", tester.getLastResponse().getHeader("Retry-After"));
        assertTrue(tester.getLastResponseAsString().contains("Serverul este foarte ocupat în acest moment"));
        assertFalse(StaffSession.get().isSignedIn());
        assertEquals(before, latestAudit(), "no password was checked, nothing recorded");

        StaffTesting.signIn(tester, editor, TestPortal.STAFF_PASSWORD);
        assertEquals(200, tester.getLastResponse().getStatus());
    }

    @Test
    void anAdministratorCreatingAUserWhileTheHashingIsFullIsToldSoAndNothingIsSaved() throws Exception {
        StaffTesting.signIn(tester, TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
        tester.executeUrl("admin/users");
        FormTester form = tester.newFormTester("newUser:form");
        form.setValue("email", "ocupat@example.org");
        form.setValue("displayName", "Creat când serverul e ocupat");
        form.select("role", 0);
        form.setValue("password", "o parolă lungă pentru un cont nou");
        try (HeldSlots held = HeldSlots.of(HashingSlots.shared())) {
            StaffTesting.submit(tester, form);
        }
        assertEquals(503, tester.getLastResponse().getStatus());
        assertTrue(tester.getLastResponseAsString().contains("Serverul este foarte ocupat în acest moment"));
        assertFalse(TestPortal.services().users().list().stream().anyMatch(u -> u.email().equals("ocupat@example.org")));
    }

    private void changePassword(String current, String next, String repeat) {
        FormTester form = tester.newFormTester("passwordForm");
        form.setValue("current", current);
        form.setValue("next", next);
        form.setValue("repeat", repeat);
        StaffTesting.submit(tester, form);
    }

    /** The first step only: whether a second one follows is what these tests look at. */
    private void signInWithPassword(String email, String password) {
        tester.executeUrl("admin/login");
        StaffTesting.submitLogin(tester, email, password);
    }

    private void submitCode(String code) {
        FormTester form = tester.newFormTester("form");
        form.setValue("code", code);
        StaffTesting.submit(tester, form);
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
