package md.migratiesigura.portal.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.content.CsvTable.Problem;
import md.migratiesigura.portal.content.CsvTable.Reason;
import md.migratiesigura.portal.content.CsvTable.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Staff upload CSV files; each row keeps its line, so that what is wrong is told where it is. */
class CsvTableTest {

    private static final List<String> COLUMNS = List.of("date", "channel", "persons");

    private static CsvTable read(String text) {
        return CsvTable.read(text.getBytes(StandardCharsets.UTF_8), 1000, COLUMNS);
    }

    @Test
    void rowsKeepTheLineTheyStartOnAcrossLineBreaksInQuotedCellsAndBlankLines() {
        CsvTable table = read("date,channel,persons\r\n"
                + "2025-01-02,\"telefon\r\nfix\",1\r\n"
                + "\r\n"
                + "   \r\n"
                + "2025-01-03,chat,2\r\n"
                + "2025-01-04,\"e-mail\nși\nchat\",3");
        assertEquals(List.of(
                        new Row(2, Map.of("date", "2025-01-02", "channel", "telefon\nfix", "persons", "1")),
                        new Row(6, Map.of("date", "2025-01-03", "channel", "chat", "persons", "2")),
                        new Row(7, Map.of("date", "2025-01-04", "channel", "e-mail\nși\nchat", "persons", "3"))),
                table.rows());
        assertEquals(List.of(), table.problems());
    }

    @Test
    void aSemicolonSeparatedExcelExportWithByteOrderMarkIsReadInAnyColumnOrder() {
        CsvTable table = read("\ufeffPersons;Channel;note;Date\n2;\"telefon; chat\";„ceva”;2025-01-02\n");
        assertEquals(List.of(new Row(2, Map.of("date", "2025-01-02", "channel", "telefon; chat", "persons", "2"))),
                table.rows());
        assertEquals(List.of("note"), table.ignoredColumns());
    }

    @Test
    void quotesFollowRfc4180AndAQuoteAfterSpacesStillOpensAQuotedCell() {
        CsvTable table = read("date,channel,persons\n2025-01-02, \"apel \"\"fierbinte\"\", 24/7\" ,1\n"
                + "2025-01-03,a\"b,2\n");
        assertEquals(List.of("apel \"fierbinte\", 24/7", "a\"b"),
                table.rows().stream().map(r -> r.get("channel")).toList());
    }

    @Test
    void aRowWithAnotherNumberOfCellsIsReportedAndTheOthersAreRead() {
        CsvTable table = read("date,channel,persons\n2025-01-02,chat\n2025-01-03,chat,2\n2025-01-04,chat,3,x\n");
        assertEquals(List.of(new Problem(2, Reason.COLUMN_COUNT, List.of("2", "3")),
                new Problem(4, Reason.COLUMN_COUNT, List.of("4", "3"))), table.problems());
        assertEquals(List.of(3), table.rows().stream().map(Row::line).toList());
    }

    @Test
    void aQuoteLeftOpenIsReportedOnTheLineItsRowStartsAndNothingAfterIsRead() {
        CsvTable table = read("date,channel,persons\n2025-01-02,chat,1\n2025-01-03,\"chat,2\n2025-01-04,chat,3\n");
        assertEquals(List.of(new Problem(3, Reason.UNPAIRED_QUOTE, List.of())), table.problems());
        assertEquals(List.of(2), table.rows().stream().map(Row::line).toList());
    }

    @Test
    void textAfterAClosingQuoteIsReportedOnItsLine() {
        CsvTable table = read("date,channel,persons\n2025-01-02,\"a\nb\",1\n2025-01-03,\"Agenția \"Ţara\" SRL\",2\n");
        assertEquals(List.of(new Problem(4, Reason.UNPAIRED_QUOTE, List.of())), table.problems());
        assertEquals(List.of(2), table.rows().stream().map(Row::line).toList());
    }

    @Test
    void aQuoteLeftOpenInTheHeaderIsReportedOnTheFirstLine() {
        assertEquals(List.of(new Problem(1, Reason.UNPAIRED_QUOTE, List.of())), read("\"date,channel,persons\n").problems());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "  ,  \ndate,channel,persons\n"})
    void aFileWithoutAHeaderOnItsFirstLineIsEmpty(String text) {
        assertEquals(List.of(new Problem(1, Reason.EMPTY_FILE, List.of())), read(text).problems());
    }

    @Test
    void theHeaderMustNameEachColumnOnce() {
        assertEquals(List.of(new Problem(1, Reason.DUPLICATE_COLUMN, List.of("date"))),
                read("date,channel,Date,persons\n").problems());
        CsvTable missing = read(" Date ;Kind;Note\n2025-01-02;a;b\n");
        assertEquals(List.of(new Problem(1, Reason.WRONG_COLUMNS, List.of("channel, persons", "Date, Kind, Note"))),
                missing.problems());
        assertEquals(List.of("Kind", "Note"), missing.ignoredColumns());
        assertEquals(List.of(), missing.rows());
    }

    @Test
    void aFileOverTheLimitOrNotInUtf8IsNotRead() {
        byte[] big = new byte[3 * 1024 * 1024];
        assertEquals(List.of(new Problem(0, Reason.TOO_LARGE, List.of("3.0"))),
                CsvTable.read(big, 1024 * 1024, COLUMNS).problems());
        byte[] latin2 = "date,channel,persons\n2025-01-02,ştiinţă,1\n".getBytes(Charset.forName("ISO-8859-2"));
        assertEquals(List.of(new Problem(2, Reason.NOT_UTF8, List.of())), CsvTable.read(latin2, 1000, COLUMNS).problems());
    }
}
