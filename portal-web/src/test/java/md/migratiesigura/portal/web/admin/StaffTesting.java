package md.migratiesigura.portal.web.admin;

import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;

/** Signing in and sending back-office forms in WicketTester as a browser does. */
public final class StaffTesting {

    private StaffTesting() {
    }

    public static void signIn(WicketTester tester, String email, String password) {
        tester.executeUrl("admin/login");
        FormTester form = tester.newFormTester("form");
        form.setValue("email", email);
        form.setValue("password", password);
        submit(tester, form);
        tester.assertRenderedPage(DashboardPage.class);
    }

    /** As a browser sends it: Wicket's resource-isolation check wants {@code Sec-Fetch-Site}. */
    public static void submit(WicketTester tester, FormTester form) {
        tester.addRequestHeader("sec-fetch-site", "same-origin");
        form.submit();
    }

    public static void submit(WicketTester tester, FormTester form, String button) {
        tester.addRequestHeader("sec-fetch-site", "same-origin");
        form.submit(button);
    }
}
