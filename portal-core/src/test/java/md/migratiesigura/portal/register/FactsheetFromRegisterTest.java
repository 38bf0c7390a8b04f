package md.migratiesigura.portal.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.migratiesigura.portal.report.HotlineFigures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A register built to hold the 2025 factsheet's totals (the hotline's monthly split is not published, so the test
 * spreads the entries over the months itself) gives, computed the report's way, every hotline figure the factsheet
 * prints. Where the factsheet does not say which (the foreign citizen in the SOS consultation), the test's choice
 * is marked; no figure below is the test's own.
 */
class FactsheetFromRegisterTest {

    private static RegisterFixture f;
    private static HotlineFigures.Tally year;

    @BeforeAll
    static void buildThe2025Register(@TempDir Path dataDir) {
        f = new RegisterFixture(dataDir, Instant.parse("2026-01-15T10:00:00Z"));
        StringBuilder csv = new StringBuilder(RegisterImportTest.HEADER);
        int[] line = {0};
        BiConsumer<Integer, String> add = (times, rest) -> {
            for (int i = 0; i < times; i++) {
                int n = line[0]++;
                csv.append("2025-%02d-%02d,%s\n".formatted(n % 12 + 1, n % 28 + 1, rest));
            }
        };
        // 8,462 calls: 7,462 about the Moldova-Israel programme, 373 prevention, 553 referred, 74 SOS.
        add.accept(7462, "call,israel-programme,,,,,,");
        add.accept(373, "call,prevention,,,,,,");
        add.accept(553, "call,referral,,,,,,");
        // The SOS calls' 71 persons: 18 presumed victims from Moldova exploited abroad (Germany, Russia, Italy,
        // Portugal, Albania, Turkey; labour, sexual, criminal activities) ...
        String[] abroad = {"DE", "RU", "IT", "PT", "AL", "TR"};
        String[] forms = {"labour", "sexual", "criminal"};
        for (int i = 0; i < 18; i++) {
            add.accept(1, "call,sos,,presumed-victim,1,MD," + abroad[i % 6] + "," + forms[i % 3]);
        }
        // ... 13 citizens of Uzbekistan exploited through labour in Moldova; 6 Moldovans exploited sexually and
        // through labour in Moldova; 2 citizens of Romania and Morocco exploited sexually and through labour in
        // Germany and Romania ...
        add.accept(13, "call,sos,,presumed-victim,1,UZ,MD,labour");
        add.accept(3, "call,sos,,presumed-victim,1,MD,MD,sexual");
        add.accept(3, "call,sos,,presumed-victim,1,MD,MD,labour");
        add.accept(1, "call,sos,,presumed-victim,1,RO,DE,sexual");
        add.accept(1, "call,sos,,presumed-victim,1,MA,RO,labour");
        // ... 15 Moldovans at risk, 5 notices, 12 missing Moldovans; 3 SOS calls were no case of their own.
        add.accept(15, "call,sos,,at-risk,1,MD,,");
        add.accept(5, "call,sos,,notice,1,,,");
        add.accept(12, "call,sos,,missing,1,MD,,");
        add.accept(3, "call,sos,,,,,,");
        // 59 online consultations: 52 on safe migration, 4 SOS of which 2 cases (a foreign citizen sexually
        // exploited in Germany: the factsheet does not say which citizenship, UA is the test's choice; a missing
        // person), and 3 the factsheet does not break down (here: referrals).
        add.accept(52, "consultation,prevention,,,,,,");
        add.accept(1, "consultation,sos,,presumed-victim,1,UA,DE,sexual");
        add.accept(1, "consultation,sos,,missing,1,,,");
        add.accept(2, "consultation,sos,,,,,,");
        add.accept(3, "consultation,referral,,,,,,");
        RegisterImport.Preview preview = f.register.previewImport(csv.toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(preview.canApply(), preview.problems().toString());
        f.register.applyImport(preview, f.admin);
        year = f.register.figures(2025).orElseThrow().year();
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @Test
    void callsByKindAreTheFactsheets() {
        assertEquals(8462L, year.calls());
        assertEquals(7462L, year.kind("israel-programme"));
        assertEquals(373L, year.kind("prevention"));
        assertEquals(553L, year.referred());
        assertEquals(74L, year.sos());
    }

    @Test
    void personsOfTheSosCasesAreTheFactsheets() {
        assertEquals(71L, year.persons());
        assertEquals(Map.of("presumed-victim", 39L, "at-risk", 15L, "notice", 5L, "missing", 12L), year.byCase());
        HotlineFigures.Group moldovansAbroad = year.presumedVictims().get("moldovan-abroad");
        assertEquals(18, moldovansAbroad.persons());
        assertEquals(Set.of("DE", "RU", "IT", "PT", "AL", "TR"), moldovansAbroad.byCountry().keySet());
        assertEquals(Set.of("labour", "sexual", "criminal"), moldovansAbroad.byExploitation().keySet());
        HotlineFigures.Group foreignersInMoldova = year.presumedVictims().get("foreign-in-moldova");
        assertEquals(13, foreignersInMoldova.persons());
        assertEquals(Map.of("UZ", 13L), foreignersInMoldova.byCitizenship());
        assertEquals(Set.of("labour"), foreignersInMoldova.byExploitation().keySet());
        HotlineFigures.Group moldovansAtHome = year.presumedVictims().get("moldovan-in-moldova");
        assertEquals(6, moldovansAtHome.persons());
        assertEquals(Set.of("labour", "sexual"), moldovansAtHome.byExploitation().keySet());
        HotlineFigures.Group others = year.presumedVictims().get("foreign-abroad");
        assertEquals(2, others.persons());
        assertEquals(Set.of("RO", "MA"), others.byCitizenship().keySet());
        assertEquals(Set.of("DE", "RO"), others.byCountry().keySet());
        assertEquals(Set.of("labour", "sexual"), others.byExploitation().keySet());
    }

    @Test
    void onlineConsultationsAreTheFactsheets() {
        assertEquals(59L, year.consultations());
        assertEquals(52L, year.safeMigration());
        assertEquals(4L, year.sosConsultations());
        assertEquals(2L, year.sosConsultationCases());
    }

    @Test
    void theComputedFiguresEqualTheEnteredOnesOfTheBundled2025Report() throws Exception {
        String yml = Files.readString(Path.of("..", "content", "report", "2025.yml"), StandardCharsets.UTF_8);
        assertEquals(entered(yml, "hotline_calls"), year.calls());
        assertEquals(entered(yml, "hotline_sos"), year.sos());
        assertEquals(entered(yml, "hotline_referred"), year.referred());
        assertEquals(entered(yml, "consultations_online"), year.consultations());
        assertEquals(entered(yml, "consultations_sos"), year.sosConsultations());
    }

    private static long entered(String yml, String figure) {
        Matcher m = Pattern.compile("\\n\\s+" + figure + ": (\\d+)").matcher(yml);
        assertTrue(m.find(), figure);
        return Long.parseLong(m.group(1));
    }
}
