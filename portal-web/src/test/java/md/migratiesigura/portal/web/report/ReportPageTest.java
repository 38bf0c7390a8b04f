package md.migratiesigura.portal.web.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.util.Map;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.report.AnnualReport;
import md.migratiesigura.portal.report.Figure;
import md.migratiesigura.portal.report.YearFigures;
import md.migratiesigura.portal.web.TestPortal;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The public annual report in both languages: the 2025 factsheet's figures, the chart, statelessness, publishing. */
class ReportPageTest {

    static final long[][] FACTSHEET_2025 = {{11123, 3610}, {8608, 3272}, {8738, 3225}, {3076, 1760}, {9481, 4065},
            {12711, 4163}, {12282, 5427}, {13039, 5438}, {10054, 4328}, {12243, 4742}, {13318, 4667}, {9095, 4181}};

    private WicketTester tester;

    @BeforeEach
    void setUp() {
        tester = new WicketTester(TestPortal.newApplication());
    }

    @AfterEach
    void tearDown() {
        tester.destroy();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void the2025ReportShowsTheFactsheetsMonthlyNumbersAndTotals(Language language) {
        tester.executeUrl(path(language, 2025));
        tester.assertRenderedPage(ReportPage.class);
        String html = tester.getLastResponseAsString();
        for (long[] month : FACTSHEET_2025) {
            assertTrue(html.contains(">" + number(month[0], language) + "<"), "visits " + month[0]);
            assertTrue(html.contains(">" + number(month[1], language) + "<"), "unique visitors " + month[1]);
        }
        assertTrue(html.contains(">" + number(123_768, language) + "<"), "the factsheet's 123,768 visits");
        assertTrue(html.contains(">" + number(48_878, language) + "<"), "the factsheet's 48,878 unique visitors");
        assertTrue(html.contains(language == Language.RO ? "introduse de un administrator" : "введены администратором"),
                "the page says the months were entered, not counted");
        AnnualReport report = TestPortal.services().reports().report(2025);
        assertEquals(new AnnualReport.Totals(123_768, 48_878, report.totals().pageviews()), report.totals());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theReportIsStatelessAndSetsNoSession(Language language) {
        tester.executeUrl(path(language, 2025));
        tester.assertRenderedPage(ReportPage.class);
        assertTrue(tester.getLastRenderedPage().isPageStateless(), "anonymous readers get no session");
        assertTrue(tester.getSession().isTemporary());
        assertTrue(tester.getLastResponseAsString().contains("<html lang=\"" + language.code() + "\">"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theChartIsAnAccessibleServerDrawnSvgBesideADataTable(Language language) {
        tester.executeUrl(path(language, 2025));
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("<svg") && html.contains("role=\"img\"")
                && html.contains("aria-labelledby=\"chart-title chart-desc\""), "a named SVG image");
        assertTrue(html.contains("<title id=\"chart-title\">"), "the chart has a title");
        assertEquals(24, count(html, "<rect "), "a bar for visits and one for visitors per month");
        assertFalse(html.contains("style=\""), "no inline style: the CSP forbids it");
        assertTrue(html.contains("<table class=\"report-table\""), "the data table");
        for (String month : language == Language.RO ? new String[] {"ianuarie", "decembrie"} : new String[] {"январь", "декабрь"}) {
            assertTrue(html.contains("<th scope=\"row\">" + month + " *</th>"), "a row for " + month);
        }
        assertTrue(html.contains(language == Language.RO ? "Cum numărăm" : "Как мы считаем"), "the method is stated");
        assertTrue(html.contains(language == Language.RO ? "/ro/raport/2025/report.pdf" : "/ru/otchet/2025/report.pdf"));
        assertTrue(html.contains("months.csv"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ro/raport/2014", "ro/raport/2999", "ru/otchet/abcd", "ro/raport/02025", "ru/otchet/2025/unknown.txt"})
    void yearsWithoutAReportAreNotFound(String path) {
        tester.executeUrl(path);
        assertEquals(404, tester.getLastResponse().getStatus(), path);
    }

    @Test
    void theAdministratorsFiguresAppearOnlyOnceTheYearIsPublished() {
        int year = 2024;
        TestPortal.services().reports().saveFigures(TestPortal.administrator(), new YearFigures(year,
                Map.of(Figure.HOTLINE_CALLS, 7777L, Figure.EXHIBITIONS, 9L),
                Map.of(Figure.Section.HOTLINE, Map.of(Language.RO, "Constatare de test", Language.RU, "Тестовый вывод")),
                false, null));
        tester.executeUrl(path(Language.RO, year));
        String before = tester.getLastResponseAsString();
        assertFalse(before.contains("7.777"), "unpublished figures stay private");
        assertFalse(before.contains("Constatare de test"));
        assertTrue(before.contains("apar aici după ce echipa le publică"));

        TestPortal.services().reports().setPublished(TestPortal.administrator(), year, true);
        try {
            tester.executeUrl(path(Language.RO, year));
            String ro = tester.getLastResponseAsString();
            assertTrue(ro.contains(">7.777<") && ro.contains("Constatare de test"), "published figures and text");
            assertTrue(ro.contains("figures.csv"), "their CSV is offered");
            tester.executeUrl(path(Language.RU, year));
            String ru = tester.getLastResponseAsString();
            assertTrue(ru.contains(">" + number(7777, Language.RU) + "<") && ru.contains("Тестовый вывод"));
            assertFalse(ru.contains("Constatare de test"), "each language shows its own summary");
        } finally {
            TestPortal.services().reports().setPublished(TestPortal.administrator(), year, false);
        }
    }

    static String path(Language language, int year) {
        return (language == Language.RO ? "ro/raport/" : "ru/otchet/") + year;
    }

    static String number(long value, Language language) {
        return ReportTexts.number(value, language.locale());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

}
