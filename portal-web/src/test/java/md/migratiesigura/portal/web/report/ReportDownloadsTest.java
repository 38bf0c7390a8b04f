package md.migratiesigura.portal.web.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.report.EnteredMonth;
import md.migratiesigura.portal.web.TestPortal;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The report's PDF and CSV files, as a reader downloads them from the report page. */
class ReportDownloadsTest {

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
    void thePdfEmbedsItsFontAndCarriesRomanianOrRussianText(Language language) throws IOException {
        byte[] pdf = download(language, "report.pdf");
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        assertTrue(tester.getLastResponse().getContentType().startsWith("application/pdf"));
        assertTrue(tester.getLastResponse().getHeader("Content-Disposition").contains(
                language == Language.RO ? "raport-2025.pdf" : "otchet-2025.pdf"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName() + (font.isEmbedded() ? " embedded" : ""));
                }
            }
            assertTrue(fonts.stream().anyMatch(f -> f.contains("DejaVuSans") && f.endsWith("embedded")), fonts.toString());
            String text = new PDFTextStripper().getText(document);
            if (language == Language.RO) {
                assertTrue(text.contains("Afișări de pagini"), "Romanian letters survive: " + text);
                assertTrue(text.contains("Vizitatori unici") && text.contains("septembrie"));
            } else {
                assertTrue(text.contains("Уникальные посетители"), "Cyrillic survives: " + text);
                assertTrue(text.contains("сентябрь"));
            }
            assertTrue(text.replace('\u00a0', ' ').replace('\u202f', ' ').contains(
                    ReportTexts.number(123_768, language.locale()).replace('\u00a0', ' ').replace('\u202f', ' ')));
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theMonthlyCsvParsesBackToTheReportsNumbers(Language language) {
        byte[] csv = download(language, "months.csv");
        assertTrue(tester.getLastResponse().getContentType().startsWith("text/csv"));
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(csv[0], csv[1], csv[2]), "a BOM for Excel");
        String[] lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertEquals(14, lines.length, "header, twelve months, total");
        assertEquals(language == Language.RO ? "Luna;Vizite;Vizitatori unici;Afișări de pagini;Introdus de administrator"
                : "Месяц;Посещения;Уникальные посетители;Просмотры страниц;Введено администратором", lines[0]);
        long visits = 0;
        long visitors = 0;
        for (int i = 1; i <= 12; i++) {
            String[] cells = lines[i].split(";", -1);
            assertEquals(String.format("2025-%02d", i), cells[0]);
            visits += Long.parseLong(cells[1]);
            visitors += Long.parseLong(cells[2]);
        }
        assertEquals(123_768, visits);
        assertEquals(48_878, visitors);
        assertEquals("11123", lines[1].split(";")[1]);
        String[] total = lines[13].split(";", -1);
        assertEquals(Arrays.asList("123768", "48878"), Arrays.asList(total[1], total[2]));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyTableHasItsCsv(Language language) {
        for (String table : List.of("summary", "events", "risk-checks")) {
            byte[] csv = download(language, table + ".csv");
            String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
            assertTrue(text.lines().count() >= 2, table + ": a header and rows");
            assertTrue(text.lines().allMatch(l -> l.split(";", -1).length == text.lines().findFirst().orElseThrow()
                    .split(";", -1).length), table + ": every row has the header's columns");
        }
    }

    @Test
    void twoDownloadsMakeThePdfOnceAndAnEditOfTheFiguresMakesItAnew() throws IOException {
        int year = 2019;
        int before = ReportDownloads.MADE.get();
        byte[] first = download(Language.RO, year, "report.pdf");
        byte[] second = download(Language.RO, year, "report.pdf");
        assertEquals(before + 1, ReportDownloads.MADE.get(), "made once for two readers");
        assertArrayEquals(first, second);

        TestPortal.services().reports().saveEnteredMonths(TestPortal.administrator(), year,
                List.of(new EnteredMonth(3, 4242, 1717, null)));
        try {
            byte[] edited = download(Language.RO, year, "report.pdf");
            assertEquals(before + 2, ReportDownloads.MADE.get(), "made anew after the edit");
            try (PDDocument document = Loader.loadPDF(edited)) {
                String text = new PDFTextStripper().getText(document).replace('\u00a0', ' ').replace('\u202f', ' ');
                assertTrue(text.contains(ReportTexts.number(4242, Language.RO.locale()).replace('\u00a0', ' ')
                        .replace('\u202f', ' ')), "the entered visits are in it: " + text);
            }
        } finally {
            TestPortal.services().reports().saveEnteredMonths(TestPortal.administrator(), year, List.of());
        }
    }

    private byte[] download(Language language, String file) {
        return download(language, 2025, file);
    }

    private byte[] download(Language language, int year, String file) {
        tester.executeUrl((language == Language.RO ? "ro/raport/" : "ru/otchet/") + year + "/" + file);
        assertEquals(200, tester.getLastResponse().getStatus(), file);
        return tester.getLastResponse().getBinaryContent();
    }
}
