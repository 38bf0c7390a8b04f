package md.migratiesigura.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import md.migratiesigura.portal.agency.AgencyFixtures;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.riskcheck.Tier;
import md.migratiesigura.portal.web.api.ApiServlet;
import org.apache.wicket.util.tester.WicketTester;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A partner uses the check's engine over the API, and gets what the page gives a person. */
class RiskCheckApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static Server server;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        AgencyFixtures.loadSample(TestPortal.services().agencies());
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new ApiServlet(
                PortalServer.apiEndpoints(TestPortal.services(), TestPortal.config()))), "/api/*");
        server.setHandler(context);
        server.start();
        base = "http://localhost:" + connector.getLocalPort() + "/api/v1/";
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ro", "ru"})
    void theQuestionsComeInTheLanguageAskedWithTheFlagsEachOptionRaises(String lang) throws Exception {
        HttpResponse<String> response = get("risk-check/questions?lang=" + lang);
        assertEquals(200, response.statusCode());
        JsonNode json = JSON.readTree(response.body());
        assertTrue(json.get("version").asInt() >= 1);
        JsonNode questions = json.get("questions");
        assertEquals(TestPortal.services().riskCheck().questionnaire().questions().size(), questions.size());
        JsonNode first = questions.get(0);
        assertEquals("intermediary", first.get("id").asText());
        boolean cyrillic = first.get("text").asText().chars().anyMatch(c -> c >= 'а' && c <= 'я');
        assertEquals(lang.equals("ru"), cyrillic, first.get("text").asText());
        assertTrue(first.hasNonNull("help"));
        TreeSet<String> rules = new TreeSet<>();
        questions.forEach(q -> q.get("options").forEach(o -> o.get("rules").forEach(r -> rules.add(r.asText()))));
        assertEquals(30, rules.size(), "every flag can be raised: " + rules);
        assertEquals(List.of("agency", "country"), json.get("inputs").findValuesAsText("id"));
    }

    @Test
    void aCheckAnswersTheTierTheFlagsAndTheHotline() throws Exception {
        HttpResponse<String> response = post("{\"lang\":\"ro\",\"answers\":{\"passport\":\"asked_to_keep\",\"pay\":\"too_high\"}}");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode json = JSON.readTree(response.body());
        assertEquals("high", json.get("tier").asText());
        assertEquals("0 800 77777", json.get("hotline").asText());
        JsonNode flag = json.get("flags").get(0);
        assertEquals("C2", flag.get("rule").asText());
        assertEquals("HIGH", flag.get("severity").asText());
        assertEquals("reținerea actelor de identitate", flag.get("indicator").asText());
        assertTrue(flag.get("title").asText().contains("pașaportul"));
        assertTrue(flag.get("advice").asText().contains("Linia Fierbinte"));
        assertEquals("D2", json.get("flags").get(1).get("rule").asText());
        assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
    }

    @Test
    void theAgencyAndCountryAreCheckedAgainstTheRegistry() throws Exception {
        JsonNode json = JSON.readTree(post("{\"lang\":\"ru\",\"answers\":{},\"agency\":\"Muncă Cinstită\",\"country\":\"Италия\"}").body());
        assertEquals("high", json.get("tier").asText());
        assertEquals("A2", json.get("flags").get(0).get("rule").asText());
    }

    static Stream<Arguments> answerSets() {
        List<Arguments> sets = new ArrayList<>();
        for (Language language : Language.values()) {
            sets.add(Arguments.of(language, Map.of("passport", "asked_to_keep")));
            sets.add(Arguments.of(language, Map.of("pay", "too_high", "housing", "unstated", "recruitment", "messenger")));
            sets.add(Arguments.of(language, Map.of("pay", "too_high")));
            sets.add(Arguments.of(language, Map.of("fees", "intermediary", "receipt", "no_receipt", "visa", "tourist",
                    "licence_scope", "neither", "secrecy", "secret", "photos", "asked")));
        }
        return sets.stream();
    }

    @ParameterizedTest
    @MethodSource("answerSets")
    void theApiAndThePageGiveTheSameResultForTheSameAnswers(Language language, Map<String, String> answers) throws Exception {
        assertSameResult(language, answers, null, null);
    }

    /**
     * Every answer that raises a flag, and the registry's verdicts (A1 not listed, A2 country not on the licence, A4
     * expired, none for a valid licence), in both languages.
     */
    static Stream<Arguments> everyFlagRaisingAnswerAndRegistryVerdict() {
        List<Arguments> sets = new ArrayList<>();
        for (Language language : Language.values()) {
            TestPortal.services().riskCheck().questionnaire().questions().forEach(q -> q.options().stream()
                    .filter(o -> !o.rules().isEmpty())
                    .forEach(o -> sets.add(Arguments.of(language, Map.of(q.id(), o.id()), null, null))));
            sets.add(Arguments.of(language, Map.of(), "Agenția Fantomă SRL", "Germania"));
            sets.add(Arguments.of(language, Map.of(), AgencyFixtures.VALID_NAME, "Italia"));
            sets.add(Arguments.of(language, Map.of(), AgencyFixtures.EXPIRED_IDNO, "Italia"));
            sets.add(Arguments.of(language, Map.of(), AgencyFixtures.VALID_IDNO, "DE"));
        }
        return sets.stream();
    }

    @ParameterizedTest
    @MethodSource("everyFlagRaisingAnswerAndRegistryVerdict")
    void everyFlagIsRaisedAlikeByTheApiAndThePage(Language language, Map<String, String> answers, String agency,
                                                   String country) throws Exception {
        List<String> rules = assertSameResult(language, answers, agency, country);
        if (!answers.isEmpty()) {
            var option = TestPortal.services().riskCheck().questionnaire().questions().stream()
                    .flatMap(q -> q.options().stream().filter(o -> q.id().equals(answers.keySet().iterator().next())))
                    .filter(o -> o.id().equals(answers.values().iterator().next())).findFirst().orElseThrow();
            assertTrue(rules.containsAll(option.rules()), "the page and the API raise " + option.rules() + ": " + rules);
        } else if (agency.equals(AgencyFixtures.VALID_IDNO)) {
            assertEquals(List.of(), rules, "a valid licence for the country raises nothing");
        } else {
            assertEquals(1, rules.size(), "one registry flag: " + rules);
            assertTrue(List.of("A1", "A2", "A4").contains(rules.get(0)), rules.toString());
        }
    }

    /** Asks the API and the page the same check; asserts they agree on tier, flags and wording; returns the rules. */
    private List<String> assertSameResult(Language language, Map<String, String> answers, String agency, String country)
            throws Exception {
        Map<String, Object> request = new java.util.LinkedHashMap<>(Map.of("lang", language.code(), "answers", answers));
        if (agency != null) {
            request.put("agency", agency);
            request.put("country", country);
        }
        JsonNode api = JSON.readTree(post(JSON.writeValueAsString(request)).body());
        List<String> apiRules = api.get("flags").findValuesAsText("rule");

        WicketTester tester = new WicketTester(TestPortal.newApplication());
        try {
            StringBuilder query = new StringBuilder("check=1");
            answers.forEach((q, o) -> query.append('&').append(q).append('=').append(o));
            if (agency != null) {
                query.append("&agency=").append(java.net.URLEncoder.encode(agency, java.nio.charset.StandardCharsets.UTF_8))
                        .append("&country=").append(java.net.URLEncoder.encode(country, java.nio.charset.StandardCharsets.UTF_8));
            }
            tester.executeUrl((language == Language.RO ? "ro/verifica-oferta?" : "ru/proverka-vakansii?") + query);
            String html = tester.getLastResponseAsString();
            Matcher tier = Pattern.compile("class=\"panel tier tier-([a-z]+)\"").matcher(html);
            assertTrue(tier.find(), "the page shows a tier");
            assertEquals(api.get("tier").asText(), tier.group(1));
            List<String> pageRules = new ArrayList<>();
            Matcher rule = Pattern.compile("<span class=\"rule\">([A-E][1-9])</span>").matcher(html);
            while (rule.find()) {
                pageRules.add(rule.group(1));
            }
            assertEquals(apiRules, pageRules, "the same flags in the same order");
            for (JsonNode flag : api.get("flags")) {
                String title = flag.get("title").asText();
                assertTrue(html.contains(org.apache.wicket.util.string.Strings.escapeMarkup(title)), title);
                assertEquals(language == Language.RU, title.chars().anyMatch(c -> Character.UnicodeBlock.of(c)
                        == Character.UnicodeBlock.CYRILLIC), "worded in " + language + ": " + title);
            }
            return pageRules;
        } finally {
            tester.destroy();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"lang\":\"ro\",\"answers\":{\"passport\":\"asked_to_keep\"", // not closed
            "{\"lang\":\"ro\",\"lang\":\"ru\",\"answers\":{\"passport\":\"asked_to_keep\"}}", // duplicate field
            "[]",
            "",
            "{\"lang\":\"en\",\"answers\":{\"passport\":\"asked_to_keep\"}}",
            "{\"lang\":\"ro\",\"answers\":{\"salary\":\"high\"}}",
            "{\"lang\":\"ro\",\"answers\":{\"passport\":\"maybe\"}}",
            "{\"lang\":\"ro\",\"answers\":{\"passport\":1}}",
            "{\"lang\":\"ro\",\"answers\":[\"passport\"]}",
            "{\"lang\":\"ro\",\"answers\":{}}",
            "{\"lang\":\"ro\",\"answer\":{\"passport\":\"asked_to_keep\"}}",
            "{\"lang\":\"ro\",\"answers\":{\"passport\":\"asked_to_keep\"},\"agency\":42}"})
    void aMalformedCheckGets400WithTheReason(String body) throws Exception {
        HttpResponse<String> response = post(body);
        assertEquals(400, response.statusCode(), body + " -> " + response.body());
        String reason = JSON.readTree(response.body()).get("error").asText();
        assertTrue(reason.length() > 10, reason);
        assertTrue(reason.matches("(?s).*(JSON|lang|question|option|answers|field|agency).*"), body + " -> " + reason);
    }

    @Test
    void theReasonNamesWhatIsWrong() throws Exception {
        assertEquals("unknown question 'salary'", error(post("{\"answers\":{\"salary\":\"high\"}}")));
        assertEquals("question 'passport' has no option 'maybe'; its options are kept_by_me, asked_to_keep",
                error(post("{\"answers\":{\"passport\":\"maybe\"}}")));
        assertEquals("lang must be 'ro' or 'ru'", error(post("{\"lang\":\"en\",\"answers\":{\"passport\":\"kept_by_me\"}}")));
        assertTrue(error(post("{\"answers\":")).startsWith("the body is not valid JSON: "));
    }

    @Test
    void aBodyOver64KbGets413AndAnotherContentTypeGets415() throws Exception {
        String big = "{\"answers\":{\"passport\":\"kept_by_me\"},\"agency\":\"" + "x".repeat(70_000) + "\"}";
        assertEquals(413, post(big).statusCode());
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "risk-check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("passport=kept_by_me")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, form.statusCode());
    }

    @Test
    void onlyTheCheckTakesAPostAndItTakesNothingElse() throws Exception {
        HttpResponse<String> getCheck = get("risk-check");
        assertEquals(405, getCheck.statusCode());
        assertEquals("POST", getCheck.headers().firstValue("Allow").orElse(""));
        for (String path : List.of("risk-check/questions", "agencies?q=x", "articles")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, response.statusCode(), path);
            assertEquals("GET", response.headers().firstValue("Allow").orElse(""), path);
        }
    }

    @Test
    void aPostedCheckIsCounted() throws Exception {
        long before = TestPortal.checksCountedThisMonth(Tier.HIGH);
        post("{\"answers\":{\"passport\":\"asked_to_keep\"}}");
        assertEquals(before + 1, TestPortal.checksCountedThisMonth(Tier.HIGH));
    }

    @Test
    void agenciesAreFoundByNameOrIdnoWithTheirLicence() throws Exception {
        JsonNode json = JSON.readTree(get("agencies?q=" + java.net.URLEncoder.encode("munca cinstita srl", java.nio.charset.StandardCharsets.UTF_8)).body());
        assertEquals(1, json.get("items").size());
        JsonNode agency = json.get("items").get(0);
        assertEquals(AgencyFixtures.VALID_IDNO, agency.get("idno").asText());
        assertEquals("AA 000001", agency.get("licence").asText());
        assertEquals("2099-12-31", agency.get("validUntil").asText());
        assertTrue(agency.get("licenceValid").asBoolean());
        assertEquals(List.of("DE", "IL"), List.of(agency.get("countries").get(0).asText(), agency.get("countries").get(1).asText()));
        assertEquals("Beispiel Bau GmbH", agency.get("partners").get(0).asText());
        assertEquals(false, json.get("registryEmpty").asBoolean());
        JsonNode expired = JSON.readTree(get("agencies?q=" + AgencyFixtures.EXPIRED_IDNO).body()).get("items").get(0);
        assertEquals(false, expired.get("licenceValid").asBoolean());
        assertEquals(0, JSON.readTree(get("agencies?q=nobody").body()).get("items").size());
        assertEquals(400, get("agencies").statusCode());
        assertEquals("q is required: part of an agency's name, or its IDNO", error(get("agencies?q=")));
    }

    private static String error(HttpResponse<String> response) throws Exception {
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, response.body());
        return JSON.readTree(response.body()).get("error").asText();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "risk-check"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
