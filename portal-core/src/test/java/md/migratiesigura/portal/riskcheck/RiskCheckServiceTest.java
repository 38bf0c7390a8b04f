package md.migratiesigura.portal.riskcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.agency.AgencyFixtures;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.persistence.Database;
import md.migratiesigura.portal.riskcheck.Questionnaire.AnswerOption;
import md.migratiesigura.portal.riskcheck.Questionnaire.Question;
import md.migratiesigura.portal.riskcheck.RiskCheckResult.RaisedFlag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The engine on the bundled questionnaire and a real database: tiers, flags, wording, registry, counts. */
class RiskCheckServiceTest {

    /** reference/job-offer-red-flags.md: every flag, its severity and its ILO indicator. */
    static final Map<String, String> REFERENCE = new LinkedHashMap<>();

    static {
        """
        A1 HIGH deception          A2 HIGH deception          A3 HIGH deception
        A4 HIGH deception          A5 HIGH deception          A6 HIGH debt_bondage
        A7 MED deception           A8 HIGH deception          A9 MED deception
        B1 HIGH deception          B2 HIGH deception          B3 HIGH deception
        B4 MED abusive_working_and_living_conditions          B5 MED abuse_of_vulnerability
        B6 HIGH debt_bondage
        C1 HIGH deception          C2 HIGH retention_of_identity_documents              C3 HIGH deception
        D1 HIGH deception          D2 MED deception           D3 HIGH debt_bondage
        D4 MED deception           D5 MED abusive_working_and_living_conditions
        D6 MED abusive_working_and_living_conditions
        E1 HIGH abuse_of_vulnerability                        E2 HIGH abuse_of_vulnerability
        E3 HIGH isolation          E4 HIGH deception          E5 LOW deception
        E6 MED debt_bondage
        """.lines().forEach(line -> {
            String[] words = line.strip().split("\\s+");
            for (int i = 0; i + 2 < words.length; i += 3) {
                REFERENCE.put(words[i], words[i + 1] + " " + words[i + 2]);
            }
        });
    }

    private static final Instant NOW = Instant.parse("2025-06-15T09:00:00Z");

    private static Database database;
    private static RiskCheckService service;

    @BeforeAll
    static void open(@TempDir Path dataDir) {
        database = Database.open(TestDatabases.newConfig(dataDir));
        service = newService(database, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static RiskCheckService newService(Database database, Clock clock) {
        QuestionnaireLoader loader = new QuestionnaireLoader();
        return new RiskCheckService(loader.loadBundled(), loader::loadBundled,
                AgencyFixtures.newService(database.sessionFactory(), clock), new RiskCheckCounts(database.sessionFactory()), clock);
    }

    @Test
    void theQuestionnaireHasEveryFlagOfTheReferenceWithItsSeverityAndIndicator() {
        Map<String, String> inFile = new LinkedHashMap<>();
        service.questionnaire().flags().values().forEach(f -> inFile.put(f.rule(), f.severity() + " " + f.indicator()));
        assertEquals(REFERENCE.size(), 30);
        assertEquals(new TreeSet<>(REFERENCE.entrySet().stream().map(Object::toString).toList()),
                new TreeSet<>(inFile.entrySet().stream().map(Object::toString).toList()));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyFlagIsRaisedBySomeAnswerAndWordedInTheLanguageAsked(Language language) {
        Set<String> reached = new TreeSet<>();
        for (String rule : REFERENCE.keySet()) {
            Map.Entry<String, String> answer = answerRaising(rule);
            RiskCheckResult result = service.evaluate(language, Map.of(answer.getKey(), answer.getValue()),
                    Optional.empty(), Optional.empty());
            RaisedFlag flag = result.flags().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
            for (String text : List.of(flag.title(), flag.advice(), flag.indicator(), flag.raisedBy().get(0))) {
                assertFalse(text.isBlank(), rule);
                assertEquals(language == Language.RU, text.chars().anyMatch(c -> Character.UnicodeBlock.of(c)
                        == Character.UnicodeBlock.CYRILLIC), rule + " is written in " + language + ": " + text);
            }
            reached.add(rule);
        }
        assertEquals(REFERENCE.keySet(), reached);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void romanianTextsUseCommaBelowLettersAndNoTextSaysSafe(Language language) {
        for (Tier tier : Tier.values()) {
            String text = service.questionnaire().tiers().get(tier).title().in(language) + " "
                    + service.questionnaire().tiers().get(tier).text().in(language);
            assertFalse(text.toLowerCase().matches(".*(sigur|siguranță|безопасн|safe).*"), tier + ": " + text);
        }
        StringBuilder all = new StringBuilder();
        service.questionnaire().flags().values().forEach(f -> all.append(f.title().ro()).append(f.advice().ro()));
        service.questionnaire().questions().forEach(q -> all.append(q.text().ro()).append(q.help().ro()));
        assertFalse(all.toString().matches("(?s).*[şţŞŢ].*"), "ș and ț, not the cedilla forms");
    }

    @Test
    void oneHighFlagIsHighRisk() {
        RiskCheckResult result = evaluate(Map.of("passport", "asked_to_keep"));
        assertEquals(Tier.HIGH, result.tier());
        assertEquals(List.of("C2"), result.rules());
    }

    @Test
    void exactlyOneMediumFlagFindsNoRedFlagTierButStillShowsTheFlag() {
        RiskCheckResult result = evaluate(Map.of("pay", "too_high", "passport", "kept_by_me"));
        assertEquals(Tier.NONE, result.tier());
        assertEquals(List.of("D2"), result.rules(), "the flag is shown even when the tier is none");
    }

    @Test
    void twoMediumFlagsAreCaution() {
        assertEquals(Tier.CAUTION, evaluate(Map.of("pay", "too_high", "housing", "unstated")).tier());
    }

    @Test
    void lowFlagsAloneAreNone() {
        RiskCheckResult result = evaluate(Map.of("recruitment", "messenger", "pay", "too_low"));
        assertEquals(Tier.NONE, result.tier());
        assertEquals(List.of("D5", "E5"), result.rules(), "medium before low");
    }

    @Test
    void aHighFlagOutranksAnyNumberOfMediumOnesAndComesFirst() {
        RiskCheckResult result = evaluate(Map.of("pay", "too_high", "housing", "unstated", "brand", "unconfirmed",
                "meeting_place", "private_place"));
        assertEquals(Tier.HIGH, result.tier());
        assertEquals(List.of("E1", "D2", "D4", "D6"), result.rules());
    }

    @Test
    void theTierRuleOfTheReference() {
        assertEquals(Tier.HIGH, Tier.of(List.of(Severity.HIGH)));
        assertEquals(Tier.HIGH, Tier.of(List.of(Severity.LOW, Severity.HIGH)));
        assertEquals(Tier.CAUTION, Tier.of(List.of(Severity.MED, Severity.MED)));
        assertEquals(Tier.CAUTION, Tier.of(List.of(Severity.MED, Severity.LOW, Severity.MED)));
        assertEquals(Tier.NONE, Tier.of(List.of(Severity.MED, Severity.LOW, Severity.LOW)));
        assertEquals(Tier.NONE, Tier.of(List.of()));
    }

    @Test
    void eachFlagSaysWhichAnswerRaisedIt() {
        RiskCheckResult result = service.evaluate(Language.RO, Map.of("fees", "intermediary"), Optional.empty(), Optional.empty());
        assertEquals(List.of("Ți se cer bani pentru acest loc de muncă? — Da, intermediarul cere bani pentru loc, plasare, CV sau viză"),
                result.flags().get(0).raisedBy());
        assertEquals("servitutea pentru datorii", result.flags().get(0).indicator());
    }

    @Test
    void unansweredAndUnsureQuestionsAreReportedNotHidden() {
        RiskCheckResult result = service.evaluate(Language.RU, Map.of("visa", "dont_know"), Optional.empty(), Optional.empty());
        assertEquals(Tier.NONE, result.tier());
        assertEquals(List.of("С какими документами вы поедете и будете работать?"), result.unsure());
        assertEquals(service.questionnaire().questions().size() - 1, result.unanswered().size());
        assertEquals("0 800 77777", result.hotline());
    }

    @Test
    void unknownQuestionsAndOptionsAreRefusedWithTheReason() {
        InvalidAnswerException question = assertThrows(InvalidAnswerException.class, () -> evaluate(Map.of("salary", "high")));
        assertEquals("unknown question 'salary'", question.getMessage());
        InvalidAnswerException option = assertThrows(InvalidAnswerException.class, () -> evaluate(Map.of("passport", "maybe")));
        assertEquals("question 'passport' has no option 'maybe'; its options are kept_by_me, asked_to_keep", option.getMessage());
        InvalidAnswerException tooLong = assertThrows(InvalidAnswerException.class, () -> service.evaluate(Language.RO,
                Map.of(), Optional.of("x".repeat(201)), Optional.empty()));
        assertEquals("agency must be at most 200 characters", tooLong.getMessage());
    }

    @Test
    void anInvalidQuestionnaireOnReloadKeepsTheOneInUse(@TempDir Path content) throws Exception {
        Path file = content.resolve(QuestionnaireLoader.FILE);
        Files.createDirectories(file.getParent());
        String valid = Files.readString(Path.of("..", "content", QuestionnaireLoader.FILE)).replaceFirst("\nversion: \\d+\n", "\nversion: 7\n");
        Files.writeString(file, valid);
        QuestionnaireLoader loader = new QuestionnaireLoader();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        RiskCheckService reloading = new RiskCheckService(loader.loadAtStart(Optional.of(content)),
                () -> loader.load(Optional.of(content)), AgencyFixtures.newService(database.sessionFactory(), clock),
                new RiskCheckCounts(database.sessionFactory()), clock);
        assertEquals(7, reloading.questionnaire().version());

        Files.writeString(file, valid.replaceFirst("\nversion: 7\n", "\nversion: 8\n")
                .replace("\n            ru: \"Не знаю или не видел(а) лицензию\"", ""));
        QuestionnaireException e = assertThrows(QuestionnaireException.class, reloading::reload);
        assertTrue(e.getMessage().contains("'ru' is missing"), e.getMessage());
        assertEquals(7, reloading.questionnaire().version(), "the previous questionnaire stays in use");
        assertEquals(Tier.HIGH, reloading.evaluate(Language.RO, Map.of("passport", "asked_to_keep"), Optional.empty(),
                Optional.empty()).tier(), "and still answers");

        Files.writeString(file, valid.replaceFirst("\nversion: 7\n", "\nversion: 8\n"));
        assertEquals(8, reloading.reload().version());
        assertEquals(8, reloading.questionnaire().version());
    }

    @Test
    void aSubmittedCheckAddsOneToItsMonthsTierAndFlagsAndNothingElseIsStored(@TempDir Path dataDir) throws Exception {
        try (Database own = Database.open(TestDatabases.newConfig(dataDir))) {
            // 22:30 UTC on 31 January is already February in Chisinau.
            RiskCheckService counting = newService(own, Clock.fixed(Instant.parse("2025-01-31T22:30:00Z"), ZoneOffset.UTC));
            String secretAgency = "Agenția Secretă Unică Nr 4711";
            counting.check(Language.RO, Map.of("passport", "asked_to_keep", "fees", "intermediary"),
                    Optional.of(secretAgency), Optional.of("Atlantida"));
            counting.check(Language.RU, Map.of("passport", "asked_to_keep"), Optional.empty(), Optional.empty());
            counting.check(Language.RO, Map.of("pay", "too_high", "housing", "unstated"), Optional.empty(), Optional.empty());
            counting.evaluate(Language.RO, Map.of("passport", "asked_to_keep"), Optional.empty(), Optional.empty());

            List<MonthlyRiskChecks> year = counting.monthlyCounts(2025);
            assertEquals(1, year.size());
            MonthlyRiskChecks february = year.get(0);
            assertEquals(YearMonth.of(2025, 2), february.month());
            assertEquals(Map.of(Tier.HIGH, 2L, Tier.CAUTION, 1L), february.byTier(), "evaluate() alone counts nothing");
            assertEquals(Map.of("C2", 2L, "A6", 1L, "D2", 1L, "D6", 1L), february.byFlag());
            assertEquals(3, february.total());

            List<String> stored = everyTextStored(own);
            for (String answer : List.of("asked_to_keep", "intermediary", "too_high", "Secretă", "Atlantida", "passport")) {
                assertTrue(stored.stream().noneMatch(v -> v.contains(answer)), answer + " is stored somewhere: " + stored);
            }
        }
    }

    /** Every non-null value of every column of every table, as text. */
    private static List<String> everyTextStored(Database database) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM `" + table + "`")) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            if (rs.getString(i) != null) {
                                values.add(table + ": " + rs.getString(i));
                            }
                        }
                    }
                }
            }
        }
        return values;
    }

    private static RiskCheckResult evaluate(Map<String, String> answers) {
        return service.evaluate(Language.RO, answers, Optional.empty(), Optional.empty());
    }

    /** The first answer in the questionnaire that raises the rule. */
    static Map.Entry<String, String> answerRaising(String rule) {
        for (Question question : service.questionnaire().questions()) {
            for (AnswerOption option : question.options()) {
                if (option.rules().contains(rule)) {
                    return Map.entry(question.id(), option.id());
                }
            }
        }
        throw new AssertionError("no answer raises " + rule);
    }
}
