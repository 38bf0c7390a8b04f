package md.migratiesigura.portal.web.riskcheck;

import java.util.List;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.riskcheck.Questionnaire;
import md.migratiesigura.portal.riskcheck.RiskCheckService;
import md.migratiesigura.portal.web.api.ApiEndpoint;
import md.migratiesigura.portal.web.api.ApiRequest;

/**
 * {@code GET /api/v1/risk-check/questions?lang=}: the questionnaire in use, so that a partner can ask the same
 * questions; {@code rules} names the red flags an option raises. {@code inputs} are the two free texts the check
 * also takes (the agency, the destination country).
 */
public class RiskCheckQuestionsEndpoint implements ApiEndpoint {

    private final RiskCheckService riskCheck;

    public RiskCheckQuestionsEndpoint(RiskCheckService riskCheck) {
        this.riskCheck = riskCheck;
    }

    @Override
    public Object handle(ApiRequest request) {
        Language language = request.language();
        Questionnaire questionnaire = riskCheck.questionnaire();
        List<QuestionItem> questions = questionnaire.sections().stream()
                .flatMap(section -> section.questions().stream().map(q -> new QuestionItem(q.id(), section.id(),
                        q.text().in(language), q.help().in(language),
                        q.options().stream().map(o -> new OptionItem(o.id(), o.text().in(language), o.rules())).toList())))
                .toList();
        Questionnaire.RegistryTexts registry = questionnaire.registry();
        List<InputItem> inputs = List.of(
                new InputItem("agency", registry.agencyLabel().in(language), registry.agencyHelp().in(language)),
                new InputItem("country", registry.countryLabel().in(language), registry.countryHelp().in(language)));
        return new Questions(questionnaire.version(), questions, inputs);
    }

    record Questions(int version, List<QuestionItem> questions, List<InputItem> inputs) {
    }

    record QuestionItem(String id, String section, String text, String help, List<OptionItem> options) {
    }

    record OptionItem(String id, String text, List<String> rules) {
    }

    record InputItem(String id, String text, String help) {
    }
}
