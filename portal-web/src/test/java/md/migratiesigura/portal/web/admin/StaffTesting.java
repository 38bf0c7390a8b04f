package md.migratiesigura.portal.web.admin;

import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;

/**
 * Signing in and using back-office forms and links in WicketTester as a browser does: every back-office page test
 * goes through here.
 */
public final class StaffTesting {

    private StaffTesting() {
    }

    /** Signs in with a password (no second factor) and lands on the dashboard. */
    public static void signIn(WicketTester tester, String email, String password) {
        tester.executeUrl("admin/login");
        submitLogin(tester, email, password);
        tester.assertRenderedPage(DashboardPage.class);
    }

    /** Sends the login page already open; the test checks where that leads (the second step, a refusal). */
    public static void submitLogin(WicketTester tester, String email, String password) {
        FormTester form = tester.newFormTester("form");
        form.setValue("email", email);
        form.setValue("password", password);
        submit(tester, form);
    }

    /** As a browser sends it: Wicket's resource-isolation check wants {@code Sec-Fetch-Site}. */
    public static void submit(WicketTester tester, FormTester form) {
        sameOrigin(tester);
        form.submit();
    }

    public static void submit(WicketTester tester, FormTester form, String button) {
        sameOrigin(tester);
        form.submit(button);
    }

    /** Follows a link of the page, as a browser does. */
    public static void click(WicketTester tester, String path) {
        sameOrigin(tester);
        tester.clickLink(path);
    }

    private static void sameOrigin(WicketTester tester) {
        tester.addRequestHeader("sec-fetch-site", "same-origin");
    }
}
