package md.migratiesigura.portal.web.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.report.AnnualReport;
import md.migratiesigura.portal.report.EnteredMonth;
import md.migratiesigura.portal.report.Figure;
import md.migratiesigura.portal.web.TestPortal;
import md.migratiesigura.portal.web.account.LoginPage;
import md.migratiesigura.portal.web.admin.AccessDeniedPage;
import md.migratiesigura.portal.web.admin.StaffTesting;
import md.migratiesigura.portal.web.visits.VisitsPage;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The back office's report and visits pages: who may open them, entering figures, months and publishing. */
class ReportAdminPagesTest {

    private static final int YEAR = 2021;
    private WicketTester tester;

    @BeforeEach
    void setUp() {
        tester = new WicketTester(TestPortal.newApplication());
    }

    @AfterEach
    void tearDown() {
        tester.destroy();
    }

    @Test
    void anAdministratorEntersFiguresAndATextThenPublishesTheYear() {
        StaffTesting.signIn(tester, TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
        tester.executeUrl("admin/report/" + YEAR);
        tester.assertRenderedPage(ReportFiguresPage.class);
        FormTester form = tester.newFormTester("figuresForm");
        form.setValue("section:1:figure:0:value", "8462"); // the hotline section's calls
        form.setValue("section:1:text:0:body", "Mai multe apeluri de prevenire.");
        form.setValue("section:1:text:1:body", "Больше профилактических звонков.");
        StaffTesting.submit(tester, form);
        tester.assertNoErrorMessage();
        assertTrue(tester.getLastResponseAsString().contains("Cifrele și textele au fost salvate."));
        assertEquals(8462L, TestPortal.services().reports().figures(YEAR).value(Figure.HOTLINE_CALLS));
        assertEquals(AuditAction.REPORT_FIGURES_SAVED, latestAudit());
        assertNull(TestPortal.services().reports().report(YEAR).entered(), "not public before publishing");

        StaffTesting.submit(tester, tester.newFormTester("publishForm"), "publish");
        tester.assertRenderedPage(ReportFiguresPage.class);
        assertTrue(tester.getLastResponseAsString().contains("sunt acum în raportul public"));
        AnnualReport published = TestPortal.services().reports().report(YEAR);
        assertEquals(8462L, published.entered().value(Figure.HOTLINE_CALLS));
        assertEquals("Больше профилактических звонков.", published.entered().text(Figure.Section.HOTLINE, Language.RU));
        assertEquals(AuditAction.REPORT_PUBLISHED, latestAudit());

        StaffTesting.submit(tester, tester.newFormTester("publishForm"), "publish");
        assertNull(TestPortal.services().reports().report(YEAR).entered(), "unpublished again");
    }

    @Test
    void enteredMonthsReplaceCountedOnesAndNonsenseIsRefused() {
        StaffTesting.signIn(tester, TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
        tester.executeUrl("admin/report/" + (YEAR - 1));
        FormTester form = tester.newFormTester("monthsForm");
        form.setValue("month:2:visits", "100");
        form.setValue("month:2:visitors", "400");
        StaffTesting.submit(tester, form);
        assertTrue(tester.getLastResponseAsString().contains("Luna martie: scrie și vizitele, și vizitatorii unici"));
        assertEquals(List.of(), TestPortal.services().reports().enteredMonths(YEAR - 1), "nothing saved");

        form = tester.newFormTester("monthsForm");
        form.setValue("month:2:visits", "1000");
        form.setValue("month:2:visitors", "400");
        StaffTesting.submit(tester, form);
        assertEquals(List.of(new EnteredMonth(3, 1000, 400, null)), TestPortal.services().reports().enteredMonths(YEAR - 1));
        AnnualReport.MonthFigures march = TestPortal.services().reports().report(YEAR - 1).months().get(2);
        assertTrue(march.entered());
        assertEquals(1000, march.visits());
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"EDITOR", "TRAINER", "COUNSELLOR"})
    void everyStaffRoleSeesTheVisitsButOnlyAdministratorsTheReportFigures(Role role) {
        StaffTesting.signIn(tester, TestPortal.newStaff(role), TestPortal.STAFF_PASSWORD);
        String dashboard = tester.getLastResponseAsString();
        assertTrue(dashboard.contains("Vizite"), "the visits are offered");
        assertFalse(dashboard.contains("admin/report"), "the report's figures are not");
        tester.executeUrl("admin/visits");
        tester.assertRenderedPage(VisitsPage.class);
        String visits = tester.getLastResponseAsString();
        assertTrue(visits.contains("Luna până azi") && visits.contains("Afișări pierdute"), "month to date and drops");
        assertFalse(visits.contains("http-equiv=\"refresh\""), "no reload the reader did not ask for (WCAG 2.2.1)");
        tester.executeUrl("admin/visits?live=1");
        assertTrue(tester.getLastResponseAsString().contains("http-equiv=\"refresh\""), "live on request, without a script");
        tester.executeUrl("admin/report/" + YEAR);
        tester.assertRenderedPage(AccessDeniedPage.class);
        assertEquals(403, tester.getLastResponse().getStatus());
    }

    @Test
    void theVisitsPageNeedsASignedInUser() {
        tester.executeUrl("admin/visits");
        tester.assertRenderedPage(LoginPage.class);
    }

    private static AuditAction latestAudit() {
        return TestPortal.services().audit().newest(0, 1).get(0).action();
    }
}
