package md.migratiesigura.portal.web.riskcheck;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.riskcheck.InvalidAnswerException;
import md.migratiesigura.portal.riskcheck.RiskCheckResult;
import md.migratiesigura.portal.riskcheck.RiskCheckService;
import md.migratiesigura.portal.web.api.ApiEndpoint;
import md.migratiesigura.portal.web.api.ApiException;
import md.migratiesigura.portal.web.api.ApiRequest;
import md.migratiesigura.portal.web.api.ApiRoutes;
import md.migratiesigura.portal.web.api.ApiServlet;

/**
 * {@code POST /api/v1/risk-check} with {@code {"lang":"ro","answers":{"question":"option"},"agency":"…",
 * "country":"…"}} (agency and country optional): the same engine and result as the check page. Each request is a
 * submitted check, so it adds to the anonymous monthly counts; the answers are not stored or logged.
 */
public class RiskCheckEndpoint implements ApiEndpoint {

    private static final Set<String> FIELDS = Set.of("lang", "answers", "agency", "country");
    private static final ObjectReader READER = ApiServlet.JSON.reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    private final RiskCheckService riskCheck;

    public RiskCheckEndpoint(RiskCheckService riskCheck) {
        this.riskCheck = riskCheck;
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public Object handle(ApiRequest request) throws IOException {
        JsonNode body = READER.readTree(request.jsonBody());
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object such as {\"lang\":\"ro\",\"answers\":{\"passport\":\"kept_by_me\"}}");
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest("unknown field '" + clip(name) + "'; the fields are lang, answers, agency, country");
            }
        });
        Language language = language(body.get("lang"));
        Map<String, String> answers = answers(body.get("answers"));
        Optional<String> agency = text(body, "agency");
        Optional<String> country = text(body, "country");
        if (answers.isEmpty() && agency.isEmpty()) {
            throw ApiException.badRequest("answers must answer at least one question (see GET "
                    + ApiRoutes.PATH + "/" + RiskCheckRoutes.API_QUESTIONS + ")");
        }
        try {
            return result(riskCheck.check(language, answers, agency, country));
        } catch (InvalidAnswerException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static Language language(JsonNode lang) {
        if (lang == null || lang.isNull()) {
            return Language.RO;
        }
        return Language.ofCode(lang.isTextual() ? lang.asText() : "")
                .orElseThrow(() -> ApiException.badRequest("lang must be 'ro' or 'ru'"));
    }

    private static Map<String, String> answers(JsonNode answers) {
        if (answers == null || answers.isNull()) {
            return Map.of();
        }
        if (!answers.isObject()) {
            throw ApiException.badRequest("answers must be an object of question id to option id, such as {\"passport\":\"kept_by_me\"}");
        }
        Map<String, String> map = new LinkedHashMap<>();
        answers.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw ApiException.badRequest("answers." + clip(e.getKey()) + " must be an option id (a string)");
            }
            map.put(e.getKey(), e.getValue().asText());
        });
        return map;
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(field + " must be a string");
        }
        return Optional.of(value.asText());
    }

    private static Result result(RiskCheckResult r) {
        return new Result(r.version(), r.tier().code(), r.tierTitle(), r.tierText(),
                r.flags().stream().map(f -> new FlagItem(f.rule(), f.severity().name(), f.title(), f.advice(),
                        f.indicator(), f.raisedBy())).toList(),
                r.notes(), r.unsure(), r.unanswered(), r.hotline());
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    record Result(int version, String tier, String title, String text, List<FlagItem> flags, List<String> notes,
                  List<String> unsure, List<String> unanswered, String hotline) {
    }

    record FlagItem(String rule, String severity, String title, String advice, String indicator, List<String> raisedBy) {
    }
}
