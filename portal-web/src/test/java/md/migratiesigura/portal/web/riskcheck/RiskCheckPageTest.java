package md.migratiesigura.portal.web.riskcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.migratiesigura.portal.agency.AgencyFixtures;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.riskcheck.Questionnaire;
import md.migratiesigura.portal.riskcheck.Tier;
import md.migratiesigura.portal.web.TestPortal;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The job-offer check page, as a person on a phone uses it, in both languages. */
class RiskCheckPageTest {

    private WicketTester tester;

    @BeforeAll
    static void loadTheSampleRegistry() {
        AgencyFixtures.loadSample(TestPortal.services().agencies());
    }

    @BeforeEach
    void setUp() {
        tester = new WicketTester(TestPortal.newApplication());
    }

    @AfterEach
    void tearDown() {
        tester.destroy();
    }

    static String path(Language language) {
        return language == Language.RO ? "ro/verifica-oferta" : "ru/proverka-vakansii";
    }

    private String open(Language language, String query) {
        tester.executeUrl(path(language) + (query.isEmpty() ? "" : "?" + query));
        tester.assertRenderedPage(RiskCheckPage.class);
        assertEquals(200, tester.getLastResponse().getStatus());
        return TestPortal.withoutStyle(tester.getLastResponseAsString());
    }

    private static Questionnaire questionnaire() {
        return TestPortal.services().riskCheck().questionnaire();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theEmptyCheckAsksEveryQuestionWithWhyWeAskAndNeedsNoSession(Language language) {
        String html = open(language, "");
        assertTrue(tester.getLastRenderedPage().isPageStateless(), "no session for a visitor");
        assertTrue(tester.getSession().isTemporary());
        for (Questionnaire.Question question : questionnaire().questions()) {
            assertTrue(html.contains(TestPortal.escape(question.text().in(language))), question.id());
            assertTrue(html.contains(TestPortal.escape(question.help().in(language))), question.id() + " help");
            assertTrue(html.contains("name=\"" + question.id() + "\""), question.id() + " radio buttons");
        }
        assertTrue(html.contains("method=\"get\""), "a plain GET form");
        assertFalse(html.contains("wicket/page"), "no Wicket listener in the form");
        assertFalse(html.contains("<script>") && html.contains("risk-form"), "no inline script");
        assertFalse(html.contains("class=\"panel tier"), "no result before answering");
        assertTrue(html.contains("name=\"agency\"") && html.contains("name=\"country\""));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aPassportKeptForProcessingIsHighRiskWithWhyWhatToDoAndTheHotline(Language language) {
        String html = open(language, "passport=asked_to_keep&check=1");
        assertTrue(html.contains("tier-high"), "the high tier is shown");
        Questionnaire.Flag c2 = questionnaire().flags().get("C2");
        assertTrue(html.contains(TestPortal.escape(c2.title().in(language))), "the flag's title");
        assertTrue(html.contains(TestPortal.escape(c2.advice().in(language))), "what to do now");
        assertTrue(html.contains(TestPortal.escape(questionnaire().indicators().get("retention_of_identity_documents").in(language))),
                "the ILO indicator behind it");
        assertTrue(html.contains(TestPortal.escape(questionnaire().question("passport").orElseThrow().text().in(language))
                + " — "), "the answer that raised it");
        int result = html.indexOf("risk-result");
        assertTrue(html.indexOf("href=\"tel:080077777\"", result) > result, "the hotline as a click-to-call link in the result");
        assertTrue(html.indexOf("href=\"tel:+37322233309\"", result) > result);
        assertTrue(html.contains(language == Language.RO ? "href=\"/ro/consultatie\"" : "href=\"/ru/konsultatsiya\""),
                "a link to ask for an online consultation");
        assertTrue(html.contains(TestPortal.escape(questionnaire().checklist().get(2).in(language))), "the checklist");
        assertTrue(tester.getLastRenderedPage().isPageStateless());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theFormComesBackPreFilledBelowTheResultSoAnswersCanBeChanged(Language language) {
        String html = open(language, "passport=asked_to_keep&pay=too_high&agency=Agentia+X&check=1");
        int result = html.indexOf("risk-result");
        int form = html.indexOf("risk-form");
        assertTrue(result > 0 && form > result, "result first, then the form");
        assertTrue(Pattern.compile("name=\"passport\" value=\"asked_to_keep\" checked=\"checked\"").matcher(html).find());
        assertTrue(Pattern.compile("name=\"pay\" value=\"too_high\" checked=\"checked\"").matcher(html).find());
        assertFalse(Pattern.compile("name=\"pay\" value=\"usual\" checked").matcher(html).find());
        assertTrue(html.contains("name=\"agency\" maxlength=\"200\" value=\"Agentia X\""), html);
        assertTrue(html.contains("class=\"question unanswered\""), "questions left out are pointed out");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void noRedFlagIsNeverCalledSafe(Language language) {
        String html = open(language, "passport=kept_by_me&check=1");
        assertTrue(html.contains("tier-none"));
        String title = questionnaire().tiers().get(Tier.NONE).title().in(language);
        assertTrue(html.contains(TestPortal.escape(title)));
        assertTrue(html.contains(language == Language.RO ? "Aceasta nu este o garanție" : "Это не гарантия"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void oneSectionPerScreenCarriesEarlierAnswersAsHiddenFields(Language language) {
        String html = open(language, "step=2&intermediary=person&agency=Agentia+X");
        assertTrue(html.contains(language == Language.RO ? "Pasul 2 din 5" : "Шаг 2 из 5"));
        String contractQuestion = questionnaire().question("contract").orElseThrow().text().in(language);
        String firstQuestion = questionnaire().question("intermediary").orElseThrow().text().in(language);
        assertTrue(html.contains(TestPortal.escape(contractQuestion)), "section B is shown");
        assertFalse(html.contains(TestPortal.escape(firstQuestion)), "section A is not");
        assertTrue(html.contains("<input type=\"hidden\" name=\"intermediary\" value=\"person\">"), html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"agency\" value=\"Agentia X\">"));
        assertTrue(html.contains("name=\"step\" value=\"3\""), "next goes to step 3");
        assertTrue(html.contains("name=\"step\" value=\"1\""), "back goes to step 1");
        assertFalse(html.contains("tier-"), "no result until the last step is sent");
        assertTrue(tester.getLastRenderedPage().isPageStateless());
    }

    @Test
    void aNonsenseStepShowsTheWholeQuestionnaire() {
        String html = open(Language.RO, "step=abc");
        assertTrue(html.contains("name=\"photos\""), "the last question is on the page");
        assertFalse(html.contains("Pasul"));
    }

    @Test
    void theLastStepSendsTheCheck() {
        String html = open(Language.RO, "step=5");
        assertTrue(html.contains("name=\"check\" value=\"1\""));
        assertFalse(html.contains("name=\"step\" value=\"6\""));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void thePrintableVersionShowsTheResultWithoutTheForm(Language language) {
        String html = open(language, "passport=asked_to_keep&print=1");
        assertTrue(html.contains("tier-high"));
        assertFalse(html.contains("risk-form"), "no form to print");
        assertTrue(html.contains("passport=asked_to_keep"), "a way back to the check with the answers");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aHandEditedAnswerIsExplainedNotAnError(Language language) {
        String html = open(language, "passport=maybe&check=1");
        assertTrue(html.contains(language == Language.RO ? "nu corespund întrebărilor" : "не соответствуют вопросам"));
        assertFalse(html.contains("tier-"));
        assertFalse(Pattern.compile("name=\"passport\" value=\"[a-z_]+\" checked").matcher(html).find(),
                "nothing is ticked for the edited answer");
        assertTrue(html.contains("name=\"passport\" value=\"asked_to_keep\""), "the question is asked again");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theCheckPageIsNeverCached(Language language) {
        open(language, "passport=asked_to_keep&check=1");
        assertEquals("no-store", tester.getLastResponse().getHeader("Cache-Control"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void anAgencyOutsideTheRegistryIsFlaggedFromTheRegistry(Language language) {
        String html = open(language, "agency=Agentia+Fantoma&check=1");
        assertTrue(html.contains("tier-high"));
        assertTrue(html.contains(">A1<"), "flag A1");
        assertTrue(html.contains(language == Language.RO ? "nu este în registrul agențiilor licențiate" : "нет в реестре агентств"));
    }

    @Test
    void theLanguageSwitchKeepsTheAnswersButIsNotCountedAgain() {
        String html = open(Language.RO, "passport=asked_to_keep&check=1");
        Matcher link = Pattern.compile("<a href=\"([^\"]*)\" hreflang=\"ru\"").matcher(html);
        assertTrue(link.find(), "a language switch");
        String href = link.group(1).replace("&amp;", "&");
        assertTrue(href.contains("/ru/proverka-vakansii") && href.contains("passport=asked_to_keep"), href);
        assertFalse(href.contains("check="), href);
    }

    @Test
    void aSubmittedCheckIsCountedOnceAndShowingItAgainIsNot() {
        long before = TestPortal.checksCountedThisMonth(Tier.CAUTION);
        open(Language.RU, "pay=too_high&housing=unstated&check=1");
        assertEquals(before + 1, TestPortal.checksCountedThisMonth(Tier.CAUTION));
        open(Language.RO, "pay=too_high&housing=unstated");
        open(Language.RO, "pay=too_high&housing=unstated&print=1");
        open(Language.RO, "pay=too_high&housing=unstated&step=2");
        assertEquals(before + 1, TestPortal.checksCountedThisMonth(Tier.CAUTION), "a language switch, print or step is not a new check");
    }

    @Test
    void theHomePageLeadsToTheCheckFromNearTheTop() {
        for (Language language : Language.values()) {
            tester.executeUrl(language.code() + "/");
            String html = tester.getLastResponseAsString();
            int cta = html.indexOf("href=\"./" + (language == Language.RO ? "verifica-oferta" : "proverka-vakansii") + "\"");
            int latest = html.indexOf("latest-heading");
            assertTrue(cta > 0 && cta < latest, "the call to action comes before the articles (" + language + ")");
        }
    }
}
