package md.migratiesigura.portal.riskcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import md.migratiesigura.portal.content.ContentFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NGO edits questionnaire.yml; a mistake is reported with its line and never half-loaded. */
class QuestionnaireLoaderTest {

    private final QuestionnaireLoader loader = new QuestionnaireLoader();

    static String bundledText() {
        return ContentFiles.withBundledContent(root -> {
            try {
                return Files.readString(root.resolve(QuestionnaireLoader.FILE));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void theBundledQuestionnaireCoversSectionsAToEWithFourteenToTwentyFourQuestions() {
        Questionnaire q = loader.loadBundled();
        assertTrue(q.version() >= 1);
        assertEquals(List.of("A", "B", "C", "D", "E"), q.sections().stream().map(Questionnaire.Section::id).toList());
        int questions = q.questions().size();
        assertTrue(questions >= 14 && questions <= 24, questions + " questions: one thing asked per question, one answer each");
        assertEquals(11, q.indicators().size(), "the ILO's eleven indicators");
        assertEquals(7, q.checklist().size(), "the reference's seven things to do before you go");
    }

    @Test
    void aMissingTranslationIsReportedAtItsLine() {
        String text = bundledText().replaceFirst("\n            ru: \"Кадровое агентство из Молдовы, которое направляет меня к работодателю за рубежом\"", "");
        QuestionnaireException e = invalid(text);
        assertEquals(lineOf(text, "- id: agency"), e.line());
        assertTrue(e.reason().contains("'ru' is missing"), e.reason());
        assertTrue(e.reason().contains("question 'intermediary'"), "names the question: " + e.reason());
    }

    @Test
    void anUnknownRuleIsReportedAtItsLine() {
        String text = bundledText().replaceFirst("rules: \\[A5]", "rules: [Z9]");
        QuestionnaireException e = invalid(text);
        assertEquals(lineOf(text, "rules: [Z9]"), e.line());
        assertTrue(e.reason().contains("unknown rule 'Z9'"), e.reason());
    }

    @Test
    void aDuplicateQuestionIdIsReported() {
        String text = bundledText().replace("      - id: employer_named", "      - id: fees");
        QuestionnaireException e = invalid(text);
        assertEquals(lineOf(text, "- id: fees", 2), e.line());
        assertTrue(e.reason().contains("question 'fees' appears twice"), e.reason());
    }

    @Test
    void aDuplicateOptionIdIsReported() {
        String text = bundledText().replace("          - id: foreign_firm", "          - id: person");
        QuestionnaireException e = invalid(text);
        assertTrue(e.reason().contains("option 'person' appears twice"), e.reason());
    }

    @Test
    void aYamlSyntaxErrorIsReportedAtItsLine() {
        String text = bundledText().replace("      title: \"Licența agenției a expirat\"",
                "      title: \"Licența agenției a expirat\"\n     misaligned: true");
        QuestionnaireException e = invalid(text);
        assertEquals(lineOf(text, "misaligned: true"), e.line());
        assertTrue(e.reason().startsWith("invalid YAML"), e.reason());
    }

    @Test
    void aMistypedFieldIsReportedWithTheFieldsExpected() {
        String text = bundledText().replaceFirst("          help: \"Sunt doar", "          hepl: \"Sunt doar");
        QuestionnaireException e = invalid(text);
        assertTrue(e.reason().contains("unknown field 'hepl' (expected help, text)"), e.reason());
    }

    @Test
    void anUnknownIndicatorOrSeverityIsReported() {
        assertTrue(invalid(bundledText().replaceFirst("indicator: isolation", "indicator: loneliness")).reason()
                .contains("unknown indicator 'loneliness'"));
        assertTrue(invalid(bundledText().replaceFirst("severity: LOW", "severity: MEDIUM")).reason()
                .contains("severity must be HIGH, MED or LOW"));
    }

    @Test
    void aFlagThatNoAnswerRaisesIsReported() {
        String text = bundledText().replace("rules: [D4]", "rules: []");
        assertTrue(invalid(text).reason().contains("flag D4 is not raised by any option"));
    }

    @Test
    void aQuestionMayNotTakeTheNameOfAFormField() {
        String text = bundledText().replace("      - id: housing", "      - id: country");
        assertTrue(invalid(text).reason().contains("this id is a field of the check page"));
    }

    @Test
    void theVersionIsRequired() {
        QuestionnaireException e = invalid(bundledText().replaceFirst("\nversion: \\d+\n", "\n"));
        assertTrue(e.reason().contains("'version' is missing"), e.reason());
    }

    @Test
    void anInvalidFileInTheContentFolderFallsBackToTheBundledQuestionnaireAtStart(@TempDir Path content) throws Exception {
        Path file = content.resolve(QuestionnaireLoader.FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, bundledText().replaceFirst("\nversion: \\d+\n", "\nversion: 99\n").replace("rules: [A5]", "rules: [Q1]"));
        assertThrows(QuestionnaireException.class, () -> loader.load(Optional.of(content)));
        assertEquals(loader.loadBundled().version(), loader.loadAtStart(Optional.of(content)).version());
    }

    @Test
    void aContentFolderWithoutAQuestionnaireUsesTheBundledOne(@TempDir Path content) {
        assertEquals(loader.loadBundled().version(), loader.load(Optional.of(content)).version());
    }

    private QuestionnaireException invalid(String text) {
        QuestionnaireException e = assertThrows(QuestionnaireException.class, () -> loader.parse("questionnaire.yml", text));
        assertTrue(e.getMessage().startsWith("questionnaire.yml:"), e.getMessage());
        return e;
    }

    static int lineOf(String text, String fragment) {
        return lineOf(text, fragment, 1);
    }

    /** The line of the n-th occurrence of a fragment, 1-based. */
    static int lineOf(String text, String fragment, int occurrence) {
        int index = -1;
        for (int i = 0; i < occurrence; i++) {
            index = text.indexOf(fragment, index + 1);
        }
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }
}
