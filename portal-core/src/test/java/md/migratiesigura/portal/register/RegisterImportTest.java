package md.migratiesigura.portal.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import md.migratiesigura.portal.content.ImportProblem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A year's register from CSV: every line checked, bad lines reported by number, all or nothing, fast. */
class RegisterImportTest {

    static final String HEADER = "date,channel,kind,service,case,persons,citizenship,country,exploitation\n";
    private static RegisterFixture f;

    @BeforeAll
    static void open(@TempDir Path dataDir) {
        f = new RegisterFixture(dataDir, Instant.parse("2026-02-01T10:00:00Z"));
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @BeforeEach
    void empty() throws Exception {
        f.emptyRegister();
    }

    private static byte[] csv(String body) {
        return (HEADER + body).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void badLinesAreReportedByLineAndNothingIsImported() {
        RegisterImport.Preview preview = f.register.previewImport(csv("""
                2025-01-02,call,prevention,,,,,,
                2025-01-02,phone,prevention,,,,,,
                2025-01-03,call,sos,,presumed-victim,1,MD,,labour
                2025-13-03,call,sos,,,,,,
                2025-01-04,call,sos,,missing,one,MD,,
                2025-01-05,call,sos,,presumed-victim,1,MD,DE,slavery
                2025-01-05,call,sos,,missing,1,MD,,
                """));
        assertFalse(preview.canApply());
        assertEquals(List.of(3, 4, 5, 6, 7), preview.problems().stream().map(RegisterImport.Problem::line).toList());
        assertEquals(List.of(RegisterProblem.BAD_CHANNEL, RegisterProblem.VICTIM_NEEDS_PLACE, RegisterProblem.BAD_DATE,
                RegisterProblem.BAD_PERSONS, RegisterProblem.BAD_EXPLOITATION),
                preview.problems().stream().map(RegisterImport.Problem::code).toList());
        assertThrows(RegisterException.class, () -> f.register.applyImport(preview, f.admin));
        assertFalse(f.register.hasEntries(2025));
    }

    @Test
    void aFileOfOneYearIsImportedAndAYearWithEntriesIsRefused() {
        RegisterImport.Preview preview = f.register.previewImport(csv("""
                2025-01-02,call,israel-programme,,,,,,
                02.01.2025;call;prevention;;;;;;
                """.replace(";", ",") + "2025-03-04,consultation,sos,,missing,1,MD,,\n"));
        assertTrue(preview.canApply(), preview.problems().toString());
        assertEquals(2025, preview.year());
        assertEquals(3, f.register.applyImport(preview, f.admin));
        assertEquals(2L, f.register.figures(2025).orElseThrow().year().calls());
        RegisterImport.Preview again = f.register.previewImport(csv("2025-05-05,call,prevention,,,,,,\n"));
        assertEquals(RegisterProblem.YEAR_HAS_ENTRIES, again.problems().get(0).code());
        assertThrows(RegisterException.class, () -> f.register.applyImport(preview, f.admin), "the previewed file, a second time");
    }

    @Test
    void aFileMixingYearsIsRefused() {
        RegisterImport.Preview preview = f.register.previewImport(csv("2025-12-31,call,prevention,,,,,,\n2026-01-01,call,prevention,,,,,,\n"));
        assertEquals(RegisterProblem.MIXED_YEARS, preview.problems().get(0).code());
        assertEquals(3, preview.problems().get(0).line());
    }

    @Test
    void aYearOfTwentyThousandLinesImportsInSeconds() {
        StringBuilder body = new StringBuilder();
        String[] kinds = {"israel-programme", "prevention", "referral"};
        for (int i = 0; i < 20_000; i++) {
            body.append("2025-%02d-%02d,call,%s,,,,,,\n".formatted(i % 12 + 1, i % 28 + 1, kinds[i % 3]));
        }
        long start = System.nanoTime();
        RegisterImport.Preview preview = f.register.previewImport(csv(body.toString()));
        long parsed = System.nanoTime();
        assertTrue(preview.canApply(), preview.problems().toString());
        assertEquals(20_000, f.register.applyImport(preview, f.admin));
        long applied = System.nanoTime();
        long counted = f.register.figures(2025).orElseThrow().year().calls();
        long end = System.nanoTime();
        assertEquals(20_000L, counted);
        System.out.printf("Register import of 20,000 lines: preview %d ms, insert %d ms, count %d ms%n",
                (parsed - start) / 1_000_000, (applied - parsed) / 1_000_000, (end - applied) / 1_000_000);
    }

    @Test
    void theContentFolderSeedsAYearOnlyWhenItHasNoEntries(@TempDir Path content) throws Exception {
        Files.createDirectories(content.resolve("hotline"));
        Files.writeString(content.resolve("hotline/2024.csv"), HEADER + "2024-06-01,call,prevention,,,,,,\n");
        Files.writeString(content.resolve("hotline/2023.csv"), HEADER + "2023-06-01,call,nonsense,,,,,,\n");
        List<ImportProblem> problems = new RegisterSeedImporter(f.register).importFrom(Optional.of(content));
        assertTrue(f.register.hasEntries(2024));
        assertFalse(f.register.hasEntries(2023));
        assertEquals(1, problems.size());
        assertEquals(2, problems.get(0).line());
        Files.writeString(content.resolve("hotline/2024.csv"), HEADER + "2024-06-01,call,prevention,,,,,,\n"
                + "2024-06-02,call,prevention,,,,,,\n");
        new RegisterSeedImporter(f.register).importFrom(Optional.of(content));
        assertEquals(1L, f.register.figures(2024).orElseThrow().year().calls(), "a year with entries is left alone");
    }
}
