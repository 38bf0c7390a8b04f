package md.migratiesigura.portal.web.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.migratiesigura.portal.chat.ChatCounts;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.report.ChatFigures;
import md.migratiesigura.portal.report.EarlierYear;
import md.migratiesigura.portal.report.FactsheetSection;
import md.migratiesigura.portal.report.Figure;
import md.migratiesigura.portal.report.YearFigures;
import md.migratiesigura.portal.web.OwnCoreTest;
import md.migratiesigura.portal.web.TestPortal;
import md.migratiesigura.portal.web.admin.AccessDeniedPage;
import md.migratiesigura.portal.web.admin.StaffTesting;
import org.apache.wicket.util.tester.FormTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On a core of its own (it enters years and publishes one): the years before the portal entered from the published
 * factsheets, refused when wrong, listed on the retrospective; and the year's page and PDF in the factsheet's order.
 */
class EarlierYearsAndFactsheetTest extends OwnCoreTest {

    private static final String SOURCE = "Linia Fierbinte 0 800 77777, factsheet anual 2012";
    private static final Pattern SECTION = Pattern.compile("data-factsheet-section=\"([a-z]+)\"");
    private static final Pattern HEADING = Pattern.compile("<h2 id=\"report-[a-z]+\">([^<]+)</h2>");

    EarlierYearsAndFactsheetTest() {
        super("portal-earlier-years-test");
    }

    @AfterEach
    void deleteEnteredYears() {
        core.earlierYears().list().forEach(y -> core.earlierYears().delete(TestPortal.administrator(core), y.year()));
    }

    private void signedInAsAdministrator() {
        StaffTesting.signIn(tester, TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
        tester.executeUrl("admin/earlier-years");
        tester.assertRenderedPage(EarlierYearsPage.class);
    }

    @Test
    void anAdministratorEntersAYearChangesItAndReadersSeeItMarkedAsEnteredFromTheFactsheet() {
        signedInAsAdministrator();
        FormTester form = tester.newFormTester("form");
        form.setValue("yearField", "2012");
        form.setValue("source", SOURCE);
        form.setValue("section:0:figure:0:value", "3100"); // the calls
        StaffTesting.submit(tester, form);
        tester.assertRenderedPage(EarlierYearsPage.class);
        assertTrue(tester.getLastResponseAsString().contains("Cifrele au fost salvate pentru anul 2012"));
        EarlierYear saved = core.earlierYears().find(2012).orElseThrow();
        assertEquals(Map.of(Figure.HOTLINE_CALLS, 3100L), saved.values());
        assertEquals(SOURCE, saved.source());

        tester.executeUrl("admin/earlier-years?year=2012");
        form = tester.newFormTester("form");
        assertEquals("3100", form.getTextComponentValue("section:0:figure:0:value"), "the form opens with the year");
        form.setValue("section:2:figure:0:value", "12"); // the online consultations
        StaffTesting.submit(tester, form);
        assertEquals(12L, core.earlierYears().find(2012).orElseThrow().value(Figure.CONSULTATIONS_ONLINE));

        tester.executeUrl("ro/raport");
        String ro = tester.getLastResponseAsString();
        assertTrue(ro.contains("data-earlier-year"), "the earlier year is listed");
        assertTrue(ro.contains(">2012<") && ro.contains(">3.100<") && ro.contains(SOURCE), ro);
        assertTrue(ro.contains("Introdus din factsheet-ul publicat:"));
        assertTrue(ro.indexOf(">2025<") < ro.indexOf(">2012<"), "newest first");
        tester.executeUrl("ru/otchet");
        String ru = tester.getLastResponseAsString();
        assertTrue(ru.contains(">" + ReportTexts.number(3100, Language.RU.locale()) + "<"));
        assertTrue(ru.contains("Введено из опубликованного годового отчёта:"));

        tester.executeUrl("admin/earlier-years");
        StaffTesting.submit(tester, tester.newFormTester("year:0:delete"), "button");
        assertTrue(core.earlierYears().find(2012).isEmpty(), "deleted");
        tester.executeUrl("ro/raport");
        assertFalse(tester.getLastResponseAsString().contains("data-earlier-year"));
    }

    @ParameterizedTest(name = "year {0}, calls {1}, source {2}")
    @CsvSource(delimiter = '|', value = {
        "1999 | 10   | Factsheet | trebuie să fie între 2001 și 2014",
        "2015 | 10   | Factsheet | trebuie să fie între 2001 și 2014",
        "doi  | 10   | Factsheet | trebuie să fie un număr întreg",
        "''   | 10   | Factsheet | Câmpul „Anul (2001–2014)” este obligatoriu",
        "2010 | -5   | Factsheet | trebuie să fie între 0 și",
        "2010 | 1.5  | Factsheet | trebuie să fie un număr întreg",
        "2010 | 12ab | Factsheet | trebuie să fie un număr întreg",
        "2010 | 10   | ''        | Câmpul „Factsheet-ul publicat (sursa)” este obligatoriu",
        "2010 | ''   | Factsheet | Completați cel puțin o cifră din factsheet",
    })
    void badInputIsRefusedWithAMessageInTheFormsLanguageAndNothingIsSaved(String year, String calls, String source,
                                                                            String message) {
        signedInAsAdministrator();
        FormTester form = tester.newFormTester("form");
        form.setValue("yearField", year);
        form.setValue("source", source);
        form.setValue("section:0:figure:0:value", calls);
        StaffTesting.submit(tester, form);
        tester.assertRenderedPage(EarlierYearsPage.class);
        assertEquals(200, tester.getLastResponse().getStatus());
        assertTrue(tester.getLastResponseAsString().contains(message), "says: " + message);
        assertEquals(List.of(), core.earlierYears().list(), "nothing saved");
    }

    @Test
    void onlyAdministratorsEnterEarlierYears() {
        StaffTesting.signIn(tester, TestPortal.newStaff(core, Role.EDITOR), TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/earlier-years");
        tester.assertRenderedPage(AccessDeniedPage.class);
        assertEquals(403, tester.getLastResponse().getStatus());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theYearsPageAndPdfFollowTheFactsheetsSectionsInItsOrder(Language language) {
        int year = 2023;
        core.reports().saveFigures(TestPortal.administrator(core), new YearFigures(year,
                Map.of(Figure.HOTLINE_CALLS, 8462L, Figure.SOS_CASES, 31L, Figure.CONSULTATIONS_ONLINE, 59L,
                        Figure.MATERIALS_HANDED_OUT, 5500L),
                Map.of(Figure.Section.HOTLINE, Map.of(Language.RO, "Constatare", Language.RU, "Вывод")), false, null));
        core.reports().setPublished(TestPortal.administrator(core), year, true);
        ReportTexts texts = new ReportTexts(language);
        tester.executeUrl((language == Language.RO ? "ro/raport/" : "ru/otchet/") + year);
        tester.assertRenderedPage(ReportPage.class);
        String html = tester.getLastResponseAsString();

        List<String> sections = new ArrayList<>();
        Matcher m = SECTION.matcher(html);
        while (m.find()) {
            sections.add(m.group(1));
        }
        List<String> factsheet = Arrays.stream(FactsheetSection.values()).map(FactsheetSection::key).toList();
        assertEquals(factsheet, sections, "the page's sections in the factsheet's order");
        List<String> headings = new ArrayList<>();
        m = HEADING.matcher(html);
        while (m.find()) {
            headings.add(m.group(1));
        }
        List<String> expected = factsheet.stream().map(key -> texts.get("report.factsheet." + key)).toList();
        assertEquals(expected, headings.subList(0, expected.size()), "the headings a reader sees, in that order");

        // Each entered figure in the section the factsheet prints it in.
        assertIn(html, "calls", texts.number(8462));
        assertIn(html, "sos", texts.number(31));
        assertIn(html, "consultations", texts.number(59));
        assertIn(html, "prevention", texts.number(5500));
        assertIn(html, "calls", language == Language.RO ? "Constatare" : "Вывод");

        String pdf = ReportPdf.xhtml(core.reports().report(year), texts);
        int at = -1;
        for (String heading : expected) {
            int next = pdf.indexOf("<h2>" + ReportPdf.esc(heading) + "</h2>");
            assertTrue(next > at, "the PDF has \"" + heading + "\" after the section before it");
            at = next;
        }
        core.reports().setPublished(TestPortal.administrator(core), year, false);
    }

    @Test
    void theApiAndTheDownloadsCarryTheChatsMonths() {
        Map<String, Object> chat = ReportEndpoint.chat(core.reports().report(2025).chat());
        assertEquals(List.of("total", "byLanguage", "months"), List.copyOf(chat.keySet()));
        assertEquals(12, ((List<?>) chat.get("months")).size());
        assertEquals(0L, ((Map<?, ?>) chat.get("total")).get("offered"), "no chat in this core's 2025");
        assertFalse(ReportDownloads.filesFor(core.reports().report(2025)).contains("chat.csv"),
                "no chat table for a year without chats");
        tester.executeUrl("ro/raport/2025");
        assertTrue(tester.getLastResponseAsString().contains("Chatul live nu a avut conversații în acest an."));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aYearWithChatsShowsHowLongAnsweredChatsLastedAndEachLanguagesTotal(Language language) {
        // March: 6 answered chats that lasted 67 minutes together (11 on average), 2 of them in Russian (17 minutes).
        ChatFigures figures = ChatFigures.of(2026, month -> month.getMonthValue() == 3
                ? new ChatCounts.Month(month, Map.of(
                        "ro", Map.of(ChatCounts.OFFERED, 5, ChatCounts.ANSWERED, 4, ChatCounts.MINUTES, 50),
                        "ru", Map.of(ChatCounts.OFFERED, 2, ChatCounts.ANSWERED, 2, ChatCounts.MINUTES, 17)), 3, 9)
                : new ChatCounts.Month(month, Map.of(), null, null));
        ReportTexts texts = new ReportTexts(language);
        tester.getSession().setLocale(language.locale());
        tester.startComponentInPage(new ChatPanel("chat", figures, texts));
        String html = tester.getLastResponseAsString().replaceAll("\\s+", " ");
        assertTrue(html.contains(texts.get("report.chat.length")), "the column's heading");
        assertTrue(html.matches(".*>" + texts.month(3) + "</th>.*<td>11</td></tr>.*"), "March's average length");
        String russian = texts.get("report.total") + " " + texts.get("report.chat.language.ru");
        assertTrue(html.matches(".*>" + russian + "</th>(<td><span>\\d+</span></td>){5}<td></td><td></td><td>9</td>.*"),
                "the Russian chats' own line: their counts and 17 / 2 minutes, rounded");

        Map<String, Object> api = ReportEndpoint.chat(figures);
        assertEquals(11, ((Map<?, ?>) api.get("total")).get("averageMinutes"));
        assertEquals(9, ((Map<?, ?>) ((Map<?, ?>) api.get("byLanguage")).get("ru")).get("averageMinutes"));
        assertEquals(null, ((Map<?, ?>) ((List<?>) api.get("months")).get(0)).get("averageMinutes"),
                "no answered chat in January, no length");
    }

    /** The text appears inside the page's section of that key (up to the next section). */
    private static void assertIn(String html, String section, String text) {
        int start = html.indexOf("data-factsheet-section=\"" + section + "\"");
        int end = html.indexOf("data-factsheet-section=", start + 1);
        String part = html.substring(start, end < 0 ? html.length() : end);
        assertTrue(part.contains(">" + text + "<") || part.contains(text), text + " in the " + section + " section");
    }
}
