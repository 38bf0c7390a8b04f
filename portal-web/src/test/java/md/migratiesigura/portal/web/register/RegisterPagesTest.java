package md.migratiesigura.portal.web.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.register.EntryKind;
import md.migratiesigura.portal.web.OwnCoreTest;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.TestPortal;
import md.migratiesigura.portal.web.admin.AccessDeniedPage;
import md.migratiesigura.portal.web.admin.DashboardPage;
import md.migratiesigura.portal.web.admin.StaffTesting;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The register's back-office pages on a core of their own: a counsellor records, bad input is answered in the
 * user's language (never a 500), the last choices come back, an administrator imports a year, roles.
 */
class RegisterPagesTest extends OwnCoreTest {

    RegisterPagesTest() {
        super("portal-register-pages-test");
    }

    private void open(String email, Language language, String url) {
        StaffTesting.signIn(tester, email, TestPortal.STAFF_PASSWORD);
        if (language == Language.RU) {
            StaffTesting.click(tester, "languageSwitch");
        }
        tester.executeUrl(url);
    }

    private long callsThisYear() {
        int year = core.register().today().getYear();
        return core.register().figures(year).map(f -> f.year().calls()).orElse(0L);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aCounsellorRecordsACallAndTheFormKeepsTheirChoicesForTheNextOne(Language language) {
        open(TestPortal.newStaff(core, Role.COUNSELLOR), language, "admin/register");
        tester.assertRenderedPage(RegisterPage.class);
        String page = tester.getLastResponseAsString();
        assertTrue(page.contains(language == Language.RO ? "nici nume, nici telefon, nici adresă"
                : "ни имени, ни телефона, ни адреса"), "the form says it holds nothing identifying a person");
        long before = callsThisYear();

        FormTester form = tester.newFormTester("form");
        form.select("kind", EntryKind.values().length - 1); // SOS
        form.select("case", 0); // presumed victim
        form.setValue("persons", "2");
        form.setValue("citizenship", "MD");
        form.setValue("country", "IT");
        form.setValue("exploitation", "labour");
        StaffTesting.submit(tester, form);

        tester.assertNoErrorMessage();
        assertEquals(before + 1, callsThisYear());
        String saved = tester.getLastResponseAsString();
        assertTrue(saved.contains(language == Language.RO ? "a fost salvată" : "сохранена"));
        assertTrue(saved.contains(language == Language.RO ? "Italia" : "Италия"), "listed among the recent entries");
        assertTrue(saved.contains("<option selected=\"selected\" value=\"sos\">"), "the kind chosen last is the default now");
        assertTrue(saved.contains("<option selected=\"selected\" value=\"IT\">"), "and the country");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void badInputIsAnsweredInTheUsersLanguageAndNothingIsSaved(Language language) {
        open(TestPortal.newStaff(core, Role.COUNSELLOR), language, "admin/register");
        long before = callsThisYear();

        FormTester form = tester.newFormTester("form");
        form.setValue("date", "31.02.20x5");
        StaffTesting.submit(tester, form);
        tester.assertErrorMessages(language == Language.RO ? "„31.02.20x5” nu este o dată (AAAA-LL-ZZ sau ZZ.LL.AAAA)."
                : "«31.02.20x5» — не дата (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ).");

        tester.executeUrl("admin/register");
        form = tester.newFormTester("form");
        form.setValue("date", LocalDate.now().plusDays(3).toString());
        StaffTesting.submit(tester, form);
        assertEquals(200, tester.getLastResponse().getStatus());
        assertTrue(tester.getLastResponseAsString().contains(language == Language.RO ? "este în viitor" : "в будущем"));

        tester.executeUrl("admin/register");
        form = tester.newFormTester("form");
        form.select("kind", EntryKind.values().length - 1);
        form.select("case", 0);
        form.setValue("persons", "mulți");
        StaffTesting.submit(tester, form);
        assertTrue(tester.getLastResponseAsString().contains(language == Language.RO
                ? "Numărul de persoane „mulți”" : "Число лиц «mulți»"));

        tester.executeUrl("admin/register");
        form = tester.newFormTester("form");
        form.select("kind", EntryKind.values().length - 1);
        form.select("case", 0);
        StaffTesting.submit(tester, form);
        tester.assertErrorMessages(language == Language.RO
                ? "Pentru o prezumată victimă alegeți cetățenia și țara unde s-a întâmplat."
                : "Для предполагаемой жертвы укажите гражданство и страну, где это произошло.");
        assertEquals(before, callsThisYear(), "nothing was saved");
    }

    @Test
    void anEditorMayNotOpenTheRegisterAndACounsellorMayNotImport() {
        open(TestPortal.newStaff(core, Role.EDITOR), Language.RO, "admin/register");
        tester.assertRenderedPage(AccessDeniedPage.class);
        tester.destroy();
        tester = new WicketTester(new PortalApplication(core, config));
        open(TestPortal.newStaff(core, Role.COUNSELLOR), Language.RO, "admin/register/import");
        tester.assertRenderedPage(AccessDeniedPage.class);
    }

    @Test
    void theDashboardComparesThisMonthWithTheSameMonthLastYear() {
        String counsellor = TestPortal.newStaff(core, Role.COUNSELLOR);
        StaffTesting.signIn(tester, counsellor, TestPortal.STAFF_PASSWORD);
        tester.assertRenderedPage(DashboardPage.class);
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("data-register-month"));
        assertTrue(html.contains("Aceleași zile, anul trecut"));
        assertTrue(html.contains("Registrul Liniei Fierbinți"), "the section is offered");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void anAdministratorSeesBadLinesByNumberAndAGoodYearIsImported(Language language) {
        int year = language == Language.RO ? 2019 : 2018;
        open(TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD, language);
        tester.executeUrl("admin/register/import");
        tester.assertRenderedPage(RegisterImportPage.class);
        String header = "date,channel,kind,service,case,persons,citizenship,country,exploitation\n";
        upload(header + year + "-01-02,call,prevention,,,,,,\n" + year + "-01-03,phone,prevention,,,,,,\n");
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("<td>3</td>"), "the bad line's number");
        assertTrue(html.contains(language == Language.RO ? "Canal necunoscut: „phone”" : "Неизвестный канал: «phone»"));
        assertFalse(core.register().hasEntries(year), "a preview imports nothing");
        assertTrue(tester.getTagByWicketId("apply") == null, "a file with problems cannot be imported");

        upload(header + year + "-01-02,call,prevention,,,,,,\n" + year + "-02-03,call,sos,,missing,1,MD,,\n");
        tester.assertNoErrorMessage();
        tester.assertLabel("preview:entries", "2");
        StaffTesting.submit(tester, tester.newFormTester("preview:decideForm"), "apply");
        assertTrue(core.register().hasEntries(year));
        assertEquals(2L, core.register().figures(year).orElseThrow().year().calls());
        assertTrue(tester.getLastResponseAsString().contains(language == Language.RO ? "pentru anul " + year : "за " + year + " год"));
    }

    private void open(String email, String password, Language language) {
        StaffTesting.signIn(tester, email, password);
        if (language == Language.RU) {
            StaffTesting.click(tester, "languageSwitch");
        }
    }

    private void upload(String csv) {
        try {
            File file = File.createTempFile("register", ".csv");
            file.deleteOnExit();
            Files.writeString(file.toPath(), csv, StandardCharsets.UTF_8);
            FormTester form = tester.newFormTester("uploadForm");
            form.setFile("file", new org.apache.wicket.util.file.File(file), "text/csv");
            StaffTesting.submit(tester, form);
            tester.assertRenderedPage(RegisterImportPage.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
