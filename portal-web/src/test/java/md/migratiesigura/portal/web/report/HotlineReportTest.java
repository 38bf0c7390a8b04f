package md.migratiesigura.portal.web.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.PortalServices;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.register.RegisterImport;
import md.migratiesigura.portal.report.AnnualReport;
import md.migratiesigura.portal.web.OwnCoreTest;
import org.junit.jupiter.api.Test;

/**
 * A year with a register shows the same hotline figures on the report page, in its PDF, its hotline.csv and the API;
 * a year without one keeps the entered figures and says so.
 */
class HotlineReportTest extends OwnCoreTest {

    private static final int YEAR = 2024;

    HotlineReportTest() {
        super("portal-hotline-report-test");
    }

    @Override
    protected void prepare(PortalServices core) {
        StringBuilder csv = new StringBuilder("date,channel,kind,service,case,persons,citizenship,country,exploitation\n");
        for (int i = 0; i < 1234; i++) {
            csv.append(YEAR).append("-03-").append(String.format("%02d", i % 28 + 1)).append(",call,israel-programme,,,,,,\n");
        }
        csv.append(YEAR + "-05-02,call,sos,,presumed-victim,3,MD,DE,labour;sexual\n");
        csv.append(YEAR + "-05-03,chat,prevention,,,,,,\n");
        RegisterImport.Preview preview = core.register().previewImport(csv.toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(preview.canApply(), preview.problems().toString());
        core.register().applyImport(preview, null);
    }

    @Test
    void pagePdfCsvAndApiShowTheSameFiguresFromTheRegister() {
        Map<String, Object> api = ReportEndpoint.hotline(core.reports().report(YEAR).hotline());
        assertEquals("register", api.get("source"));
        assertEquals(1235L, api.get("calls"));
        assertEquals(3L, api.get("persons"));
        assertEquals(1L, api.get("chats"));

        tester.executeUrl("ro/raport/" + YEAR);
        String page = tester.getLastResponseAsString();
        assertTrue(page.contains("calculate din registrul"), "the page says where the figures come from");
        assertTrue(page.contains("1.235"), "the calls on the page");
        assertTrue(page.contains("Germania (3)"), "the presumed victims' country");

        tester.executeUrl("ro/raport/" + YEAR + "/hotline.csv");
        String csv = new String(tester.getLastResponse().getBinaryContent(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("Apeluri la Linia Fierbinte;1235;"), csv);
        assertTrue(csv.contains(YEAR + "-03;1234;1234;0;0;0;0;0;0"), "March in the months: " + csv);

        AnnualReport report = core.reports().report(YEAR);
        ReportTexts russian = new ReportTexts(Language.RU);
        String pdf = ReportPdf.xhtml(report, russian);
        assertTrue(pdf.contains("Звонки на Горячую линию</td><td class=\"n\">" + russian.number(1235) + "<"), pdf);
        List<HotlineRows.Row> rows = HotlineRows.year(report.hotline(), new ReportTexts(Language.RO));
        assertEquals(1235L, rows.get(0).value());
    }

    @Test
    void aYearWithoutARegisterKeepsTheEnteredFigures() {
        Map<String, Object> api = ReportEndpoint.hotline(core.reports().report(2025).hotline());
        assertEquals("entered", api.get("source"));
        assertFalse(api.containsKey("months"));
        tester.executeUrl("ro/raport/2025");
        assertFalse(tester.getLastResponseAsString().contains("data-hotline-source"), "no register section");
    }
}
