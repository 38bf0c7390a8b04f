package md.migratiesigura.portal.web.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.report.AnnualReport;
import md.migratiesigura.portal.report.Figure;
import md.migratiesigura.portal.report.YearFigures;
import md.migratiesigura.portal.web.OwnCoreTest;
import md.migratiesigura.portal.web.TestPortal;
import org.junit.jupiter.api.Test;

/**
 * The retrospective's small charts of the years, on a core of its own (it publishes a year): one bar per year whose
 * figure is known, none for a year whose figure is not (and the description says so), named in each language.
 */
class RetrospectiveChartTest extends OwnCoreTest {

    RetrospectiveChartTest() {
        super("portal-retrospective-test");
    }

    @Test
    void theChartsDrawABarPerYearWithAKnownFigureAndNameThemselvesInBothLanguages() {
        // 2024 gets the administrator's calls but no visits: a bar in the calls chart, none in the visits chart.
        core.reports().saveFigures(TestPortal.administrator(core), new YearFigures(2024,
                Map.of(Figure.HOTLINE_CALLS, 7777L), Map.of(), false, null));
        core.reports().setPublished(TestPortal.administrator(core), 2024, true);
        List<AnnualReport> years = core.reports().retrospective();
        long withVisits = years.stream().filter(r -> r.totals().visits() > 0).count();
        assertTrue(years.stream().anyMatch(r -> r.year() == 2025) && years.stream().anyMatch(r -> r.year() == 2024));

        tester.executeUrl("ro/raport");
        tester.assertRenderedPage(RetrospectivePage.class);
        String ro = tester.getLastResponseAsString();
        assertFalse(ro.contains("style=\""), "no inline style: the CSP forbids it");
        assertTrue(tester.getLastRenderedPage().isPageStateless(), "still cacheable, no session");
        String visits = chart(ro, "visits");
        assertTrue(visits.contains("role=\"img\"")
                && visits.contains("aria-labelledby=\"chart-visits-title chart-visits-desc\""), "a named image");
        assertTrue(visits.contains("id=\"chart-visits-title\" class=\"chart-years-caption\">Vizite pe an</figcaption>"));
        assertEquals(withVisits, count(visits, "<rect "), "one bar per year with visits");
        assertTrue(visits.contains(">123.768</text>"), "2025's visits next to its bar");
        assertTrue(visits.contains("2024: necunoscut"), "the description says 2024's visits are unknown");
        String calls = chart(ro, "calls");
        assertTrue(calls.contains(">Apeluri la Linia Fierbinte pe an</figcaption>"));
        assertEquals(1, count(calls, "<rect "), "only the published 2024 has calls");
        assertTrue(calls.contains(">7.777</text>") && calls.contains("2025: necunoscut"));

        tester.executeUrl("ru/otchet");
        String ru = tester.getLastResponseAsString();
        String ruVisits = chart(ru, "visits");
        assertTrue(ruVisits.contains(">Посещения по годам</figcaption>"));
        assertEquals(withVisits, count(ruVisits, "<rect "));
        assertTrue(ruVisits.contains("2024: неизвестно"));
        String ruCalls = chart(ru, "calls");
        assertTrue(ruCalls.contains(">Звонки на горячую линию по годам</figcaption>"));
        assertEquals(1, count(ruCalls, "<rect "));
        assertTrue(ruCalls.contains("2025: неизвестно"));
    }

    /** The figure of one chart, from its caption to its end. */
    private static String chart(String html, String name) {
        int start = html.indexOf("id=\"chart-" + name + "-title\"");
        assertTrue(start >= 0, "the " + name + " chart is on the page");
        return html.substring(start, html.indexOf("</figure>", start));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
