package md.migratiesigura.portal.agency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.persistence.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Editors import the official list; the public finds agencies in it however they type the name. */
class AgencyServiceTest {

    private static final Instant NOW = Instant.parse("2025-06-15T09:00:00Z");
    private static final String HEADER = "idno,name,licence_number,valid_until,countries,partners\n";

    private static Database database;
    private static AgencyService agencies;

    @BeforeAll
    static void open(@TempDir Path dataDir) {
        database = Database.open(TestDatabases.newConfig(dataDir));
        agencies = AgencyFixtures.newService(database.sessionFactory(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void emptyTheRegistry() throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM agencies");
        }
    }

    @Test
    void previewOfTheSampleListShowsEveryAgencyAsNewAndChangesNothing() throws Exception {
        assertEquals(Optional.empty(), agencies.lastImported(), "never imported");
        AgencyImportPreview preview = agencies.preview(AgencyFixtures.sampleCsv());
        assertTrue(preview.canApply(), preview.problems().toString());
        assertEquals(3, preview.added().size());
        assertEquals(List.of(), preview.problems());
        assertEquals(0, agencies.count(), "a preview writes nothing");
    }

    @Test
    void applyingTheSampleListFillsTheRegistryAndMarksEachAgencyVerifiedNow() {
        AgencyImportResult result = agencies.apply(agencies.preview(AgencyFixtures.sampleCsv()), null);
        assertEquals(new AgencyImportResult(3, 0, 0, 0), result);
        AgencyView valid = agencies.byIdno(AgencyFixtures.VALID_IDNO).orElseThrow();
        assertEquals(AgencyFixtures.VALID_NAME, valid.name());
        assertEquals(LocalDate.of(2099, 12, 31), valid.validUntil());
        assertEquals(List.of("DE", "IL"), valid.countries());
        assertEquals(List.of("Beispiel Bau GmbH", "Exemplu Partner Ltd"), valid.partners());
        assertTrue(valid.licenceValid());
        assertEquals(NOW, valid.lastVerifiedAt());
        assertEquals(Optional.of(NOW), agencies.lastImported());
        AgencyView russian = agencies.byIdno(AgencyFixtures.RUSSIAN_IDNO).orElseThrow();
        assertEquals(LocalDate.of(2099, 12, 31), russian.validUntil(), "dd.MM.yyyy is read as a date");
        assertFalse(agencies.byIdno(AgencyFixtures.EXPIRED_IDNO).orElseThrow().licenceValid(),
                "a licence valid until 2020 is expired in 2025");
    }

    @Test
    void aNewListShowsWhatIsAddedChangedUnchangedAndRemovedThenAppliesExactlyThat() {
        AgencyFixtures.loadSample(agencies);
        String next = HEADER
                + "1003600012345,\"„Muncă Cinstită” S.R.L.\",AA 000001,2099-12-31,\"Germania; Israel\",\"Beispiel Bau GmbH; Exemplu Partner Ltd\"\n"
                + "1003600054321,\"ООО «Северный Путь»\",AB 000002,2030-06-30,\"Polonia; Cehia; Germania\",Przykład Sp. z o.o.\n"
                + "1003600077777,Agenție Nouă SRL,AD 000004,2031-01-01,Irlanda,\n";
        AgencyImportPreview preview = agencies.preview(next.getBytes(StandardCharsets.UTF_8));
        assertTrue(preview.canApply(), preview.problems().toString());
        assertEquals(List.of("1003600077777"), preview.added().stream().map(AgencyRow::idno).toList());
        assertEquals(1, preview.changed().size());
        assertEquals(AgencyFixtures.RUSSIAN_IDNO, preview.changed().get(0).row().idno());
        assertEquals(List.of("valid_until", "countries"), preview.changed().get(0).fields());
        assertEquals(List.of("PL", "CZ"), preview.changed().get(0).before().countries(), "the old value, to show beside the new");
        assertEquals(List.of("PL", "CZ", "DE"), preview.changed().get(0).row().countries());
        assertEquals(1, preview.unchanged());
        assertEquals(List.of(AgencyFixtures.EXPIRED_IDNO), preview.removed().stream().map(AgencyView::idno).toList());

        assertEquals(new AgencyImportResult(1, 1, 1, 1), agencies.apply(preview, null));
        assertEquals(3, agencies.count());
        assertTrue(agencies.byIdno(AgencyFixtures.EXPIRED_IDNO).isEmpty(), "an agency no longer listed is removed");
        assertEquals(List.of(), agencies.byIdno("1003600077777").orElseThrow().partners(), "partners may be empty");
    }

    @Test
    void aFileWithWrongColumnsIsRefusedNamingTheMissingOnesAndChangesNothing() throws Exception {
        refusedWithoutChange("IDNO;Denumire;Licenta;Valabil pana la\n1003600012345;X SRL;AA 1;2030-01-01\n"
                .getBytes(StandardCharsets.UTF_8), 1, AgencyCsvProblem.WRONG_COLUMNS,
                "name, licence_number, valid_until, countries, partners", "IDNO, Denumire, Licenta, Valabil pana la");
    }

    @Test
    void badDatesAreReportedByLineAndTheFileCannotBeApplied() throws Exception {
        String csv = HEADER
                + "1003600012345,Una SRL,AA 1,31.02.2030,Germania,\n"
                + "1003600012346,Doua SRL,AA 2,2030/12/31,Germania,\n"
                + "1003600012347,Trei SRL,AA 3,2030-12-31,Germania,\n";
        AgencyImportPreview preview = refusedWithoutChange(csv.getBytes(StandardCharsets.UTF_8), 2,
                AgencyCsvProblem.BAD_DATE, "31.02.2030");
        assertEquals(List.of(2, 3), preview.problems().stream().map(AgencyImportPreview.Problem::line).toList());
        assertEquals(List.of("2030/12/31"), preview.problems().get(1).arguments());
    }

    @Test
    void aDuplicateIdnoIsRefusedNamingBothLines() throws Exception {
        String csv = HEADER
                + "1003600012345,Una SRL,AA 1,2030-12-31,Germania,\n"
                + "1003600012399,Doua SRL,AA 2,2030-12-31,Germania,\n"
                + "1003600012345,Una Bis SRL,AA 3,2030-12-31,Germania,\n";
        refusedWithoutChange(csv.getBytes(StandardCharsets.UTF_8), 4, AgencyCsvProblem.DUPLICATE_IDNO, "1003600012345", "2");
    }

    @Test
    void aQuoteLeftOpenIsReportedOnTheLineItsRowStartsAndTheRowsAfterItAreNotGuessedAt() throws Exception {
        String csv = HEADER
                + "1003600012345,Una SRL,AA 1,2030-12-31,Germania,\n"
                + "1003600012346,\"Doua SRL,AA 2,2030-12-31,Germania,\n"
                + "1003600012347,Trei SRL,AA 3,2030-12-31,Germania,\n";
        AgencyImportPreview preview = refusedWithoutChange(csv.getBytes(StandardCharsets.UTF_8), 3,
                AgencyCsvProblem.UNPAIRED_QUOTE);
        assertEquals(1, preview.problems().size(), preview.problems().toString());
        assertEquals(List.of("1003600012345"),
                preview.rows().stream().map(AgencyRow::idno).toList(), "only the row before it is read");
    }

    @Test
    void aFileOverFiveMegabytesIsRefusedBeforeBeingRead() throws Exception {
        byte[] big = new byte[AgencyCsv.MAX_BYTES + 1];
        byte[] start = AgencyFixtures.sampleCsv();
        System.arraycopy(start, 0, big, 0, start.length);
        Arrays.fill(big, start.length, big.length, (byte) '\n');
        refusedWithoutChange(big, 0, AgencyCsvProblem.TOO_LARGE, "5.0");
    }

    @Test
    void aFileSavedInIso88592IsRefusedAskingForUtf8() throws Exception {
        String csv = HEADER + "1003600012345,Agenţia Ştiinţa SRL,AA 1,2030-12-31,România,\n";
        refusedWithoutChange(csv.getBytes(Charset.forName("ISO-8859-2")), 2, AgencyCsvProblem.NOT_UTF8);
    }

    @Test
    void otherRowProblemsAreExplainedInPlainWords() {
        String csv = HEADER
                + "12345,Scurt SRL,AA 1,2030-12-31,Germania,\n"
                + "1003600012346,Fara Tara SRL,AA 2,2030-12-31,,\n"
                + "1003600012347,Tara Necunoscuta SRL,AA 3,2030-12-31,Atlantida,\n"
                + "1003600012348,Coloane SRL,AA 4,2030-12-31\n"
                + "1003600012349,,AA 5,2030-12-31,Germania,\n"
                + "1003600012350,Lung SRL," + "L".repeat(101) + ",2030-12-31,Germania,\n"
                + "1003600012351,Ascuns\u202e SRL,AA 7,2030-12-31,Germania,\n";
        assertEquals(List.of(
                        new AgencyImportPreview.Problem(2, AgencyCsvProblem.BAD_IDNO, "12345"),
                        new AgencyImportPreview.Problem(3, AgencyCsvProblem.NO_COUNTRY),
                        new AgencyImportPreview.Problem(4, AgencyCsvProblem.UNKNOWN_COUNTRY, "Atlantida"),
                        new AgencyImportPreview.Problem(5, AgencyCsvProblem.COLUMN_COUNT, "4", "6"),
                        new AgencyImportPreview.Problem(6, AgencyCsvProblem.EMPTY_FIELD, "name"),
                        new AgencyImportPreview.Problem(7, AgencyCsvProblem.TOO_LONG, "licence_number", "100"),
                        new AgencyImportPreview.Problem(8, AgencyCsvProblem.CONTROL_CHARACTER, "name")),
                agencies.preview(csv.getBytes(StandardCharsets.UTF_8)).problems());
    }

    @Test
    void aSemicolonSeparatedExcelExportWithByteOrderMarkIsRead() {
        String csv = "\ufeffname;idno;licence_number;valid_until;countries;partners;adresa\r\n"
                + "\"Muncă Cinstită SRL\";1003600012345;AA 1;31.12.2030;\"Germania;Israel\";\"A GmbH\nB Ltd\";Chișinău\r\n";
        AgencyImportPreview preview = agencies.preview(csv.getBytes(StandardCharsets.UTF_8));
        assertTrue(preview.canApply(), preview.problems().toString());
        AgencyRow row = preview.added().get(0);
        assertEquals(List.of("DE", "IL"), row.countries());
        assertEquals(List.of("A GmbH", "B Ltd"), row.partners());
        assertEquals(List.of("adresa"), preview.ignoredColumns());
    }

    @Test
    void aHeaderWithoutRowsWouldEmptyTheRegistryAndIsRefused() {
        AgencyFixtures.loadSample(agencies);
        AgencyImportPreview preview = agencies.preview(HEADER.getBytes(StandardCharsets.UTF_8));
        assertFalse(preview.canApply());
        assertEquals(List.of(new AgencyImportPreview.Problem(0, AgencyCsvProblem.NO_AGENCIES)), preview.problems());
        assertEquals(3, agencies.count());
    }

    @Test
    void aPreviewMadeBeforeAnotherImportIsNotAppliedAndChangesNothing() throws Exception {
        AgencyFixtures.loadSample(agencies);
        byte[] csv = (HEADER + "1003600077777,Agenție Nouă SRL,AD 000004,2031-01-01,Irlanda,\n").getBytes(StandardCharsets.UTF_8);
        AgencyImportPreview stale = agencies.preview(csv);
        // Meanwhile another editor imports a list that adds an agency.
        byte[] theirs = (new String(AgencyFixtures.sampleCsv(), StandardCharsets.UTF_8)
                + "\n1003600088888,Alta Agenție SRL,AE 000005,2031-01-01,Spania,\n").getBytes(StandardCharsets.UTF_8);
        agencies.apply(agencies.preview(theirs), null);
        List<String> before = registryRows();
        assertThrows(AgencyService.StalePreviewException.class, () -> agencies.apply(stale, null));
        assertEquals(before, registryRows(), "nothing changed");
        assertEquals(new AgencyImportResult(1, 0, 0, 4), agencies.apply(agencies.preview(csv), null),
                "previewed again, it applies");
    }

    @Test
    void anAppliedImportIsInTheAuditLogWithItsCounts() throws Exception {
        agencies.apply(agencies.preview(AgencyFixtures.sampleCsv()), null);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT action, target, detail FROM audit_log ORDER BY id DESC LIMIT 1")) {
            assertTrue(rs.next());
            assertEquals("AGENCIES_IMPORTED", rs.getString(1));
            assertEquals("new 3, changed 0, unchanged 0, removed 0", rs.getString(3));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"munca cinstita", "MUNCĂ CINSTITĂ", "„Muncă Cinstită”", "Munca Cinstita SRL",
            "\"muncă cinstită\" s.r.l.", "cinstita", "1003600012345", "10036000123"})
    void searchFindsTheAgencyHoweverItsNameIsTyped(String typed) {
        AgencyFixtures.loadSample(agencies);
        assertEquals(List.of(AgencyFixtures.VALID_IDNO), agencies.search(typed, 10).stream().map(AgencyView::idno).toList(),
                "searching " + typed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Северный путь", "ООО Северный Путь", "ОOO «Северный путь»", "северный"})
    void searchFindsRussianNamesWithOrWithoutOoo(String typed) {
        AgencyFixtures.loadSample(agencies);
        assertEquals(List.of(AgencyFixtures.RUSSIAN_IDNO), agencies.search(typed, 10).stream().map(AgencyView::idno).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Țara Visurilor", "Ţara Visurilor", "tara visurilor"})
    void searchTreatsCommaAndCedillaLettersAlike(String typed) {
        AgencyFixtures.loadSample(agencies);
        assertEquals(List.of(AgencyFixtures.EXPIRED_IDNO), agencies.search(typed, 10).stream().map(AgencyView::idno).toList());
    }

    @Test
    void searchFindsNothingForAnUnknownNameOrAnEmptyQuery() {
        AgencyFixtures.loadSample(agencies);
        assertEquals(List.of(), agencies.search("Agenția Fantomă", 10));
        assertEquals(List.of(), agencies.search("  ", 10));
        assertEquals(List.of(), agencies.search("SRL", 10), "a legal form alone names no agency");
    }

    /**
     * Previews a bad file over the sample registry: the first problem is on {@code line}, with the code and
     * arguments given; applying it is refused, and the registry is exactly as before.
     */
    private static AgencyImportPreview refusedWithoutChange(byte[] csv, int line, AgencyCsvProblem code,
                                                           String... arguments) throws Exception {
        AgencyFixtures.loadSample(agencies);
        List<String> before = registryRows();
        AgencyImportPreview preview = agencies.preview(csv);
        assertFalse(preview.canApply());
        assertEquals(new AgencyImportPreview.Problem(line, code, arguments), preview.problems().get(0),
                preview.problems().toString());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> agencies.apply(preview, null));
        assertTrue(refused.getMessage().contains("cannot be imported"), refused.getMessage());
        assertEquals(before, registryRows(), "nothing changed");
        return preview;
    }

    /** Everything the registry holds, as text, to compare before and after a refused import. */
    private static List<String> registryRows() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM agencies ORDER BY idno")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
