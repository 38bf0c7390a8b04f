package md.migratiesigura.portal.web.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import md.migratiesigura.portal.PortalServices;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.web.OwnCoreTest;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.TestPortal;
import md.migratiesigura.portal.web.admin.DashboardPage;
import md.migratiesigura.portal.web.admin.StaffTesting;
import md.migratiesigura.portal.web.article.ArticlesPage;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.Test;

/**
 * A password someone else set opens only the password change: the first administrator's one-time password, and one an
 * administrator set with a reset. On a core of its own, whose first administrator has not signed in yet.
 */
class PasswordChangeRequiredPagesTest extends OwnCoreTest {

    private static final String CHOSEN = "parola aleasă la prima intrare";

    PasswordChangeRequiredPagesTest() {
        super("portal-first-sign-in-test");
    }

    @Override
    protected void prepare(PortalServices core) {
        // The first administrator keeps the one-time password of the settings: that is what is tested here.
    }

    @Test
    void theFirstAdministratorIsSentToThePasswordChangeUntilTheyChooseTheirOwn() {
        submitLogin(TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_ONE_TIME_PASSWORD);
        tester.assertRenderedPage(AccountPage.class);
        assertTrue(tester.getLastResponseAsString().contains("Parola cu care ai intrat a fost pusă de altcineva"));
        for (String page : new String[] {"admin/", "admin/users", "admin/articles", "admin/consultations", "admin/audit"}) {
            tester.executeUrl(page);
            tester.assertRenderedPage(AccountPage.class);
        }
        tester.getSession().setLocale(Language.RU.locale());
        tester.executeUrl("admin/account");
        assertTrue(tester.getLastResponseAsString().contains("Пароль, с которым вы вошли, задал кто-то другой"));
        tester.getSession().setLocale(Language.RO.locale());

        changePassword(TestPortal.ADMIN_ONE_TIME_PASSWORD, TestPortal.ADMIN_ONE_TIME_PASSWORD);
        assertTrue(tester.getLastResponseAsString().contains("Parola nouă trebuie să fie diferită de cea actuală."));
        tester.executeUrl("admin/");
        tester.assertRenderedPage(AccountPage.class);

        changePassword(TestPortal.ADMIN_ONE_TIME_PASSWORD, CHOSEN);
        assertTrue(tester.getLastResponseAsString().contains("Parola a fost schimbată."));
        assertFalse(tester.getLastResponseAsString().contains("Parola cu care ai intrat a fost pusă de altcineva"));
        tester.executeUrl("admin/");
        tester.assertRenderedPage(DashboardPage.class);
        tester.executeUrl("admin/users");
        tester.assertRenderedPage(UsersPage.class);

        // The next sign-in, with the password now chosen, goes straight to the dashboard.
        tester.destroy();
        tester = new WicketTester(new PortalApplication(core, config));
        StaffTesting.signIn(tester, TestPortal.ADMIN_EMAIL, CHOSEN);
        assertTrue(core.users().authenticate(TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_ONE_TIME_PASSWORD).isEmpty());
    }

    @Test
    void aPasswordSetByAnAdministratorMustBeChangedAtTheFirstSignIn() {
        String editor = TestPortal.newStaff(core, Role.EDITOR);
        StaffTesting.signIn(tester, editor, TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/articles");
        tester.assertRenderedPage(ArticlesPage.class);

        long id = core.users().list().stream().filter(u -> u.email().equals(editor)).findFirst().orElseThrow().id();
        String temporary = "parola temporară dată la telefon";
        core.users().resetPassword(TestPortal.administrator(core), id, temporary);

        tester.executeUrl("admin/articles");
        tester.assertRenderedPage(LoginPage.class);
        submitLogin(editor, temporary);
        tester.assertRenderedPage(AccountPage.class);
        tester.executeUrl("admin/articles");
        tester.assertRenderedPage(AccountPage.class);
        changePassword(temporary, "parola mea de redactor");
        tester.executeUrl("admin/articles");
        tester.assertRenderedPage(ArticlesPage.class);
        assertFalse(core.users().checkPassword(editor, "parola mea de redactor").orElseThrow().passwordChangeRequired());
    }

    @Test
    void theEditorsPreviewAnswersNothingUntilThePasswordIsChanged() {
        String editor = TestPortal.newStaff(core, Role.EDITOR);
        long id = core.users().list().stream().filter(u -> u.email().equals(editor)).findFirst().orElseThrow().id();
        String temporary = "parola temporară pentru previzualizare";
        core.users().resetPassword(TestPortal.administrator(core), id, temporary);
        submitLogin(editor, temporary);
        tester.assertRenderedPage(AccountPage.class);

        preview("**tare**");
        assertEquals(403, tester.getLastResponse().getStatus(), "the preview waits for the password change too");

        tester.executeUrl("admin/account");
        changePassword(temporary, "parola mea aleasă de redactor");
        preview("**tare**");
        assertEquals(200, tester.getLastResponse().getStatus());
        assertEquals("<p><strong>tare</strong></p>\n", tester.getLastResponseAsString());
    }

    private void preview(String body) {
        tester.getRequest().setMethod("POST");
        tester.getRequest().setHeader("sec-fetch-site", "same-origin");
        tester.getRequest().getPostParameters().setParameterValue("body", body);
        tester.executeUrl("admin/preview");
    }

    private void submitLogin(String email, String password) {
        tester.executeUrl("admin/login");
        FormTester form = tester.newFormTester("form");
        form.setValue("email", email);
        form.setValue("password", password);
        StaffTesting.submit(tester, form);
    }

    private void changePassword(String current, String next) {
        FormTester form = tester.newFormTester("passwordForm");
        form.setValue("current", current);
        form.setValue("next", next);
        form.setValue("repeat", next);
        StaffTesting.submit(tester, form);
    }
}
