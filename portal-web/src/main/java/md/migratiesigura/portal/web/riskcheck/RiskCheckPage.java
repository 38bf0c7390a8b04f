package md.migratiesigura.portal.web.riskcheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import md.migratiesigura.portal.riskcheck.InvalidAnswerException;
import md.migratiesigura.portal.riskcheck.Questionnaire;
import md.migratiesigura.portal.riskcheck.RiskCheckResult;
import md.migratiesigura.portal.riskcheck.RiskCheckService;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.common.NoStorePage;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.panel.EmptyPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * The job-offer check: a plain GET form (no session, no JavaScript), one page or one section per screen
 * ({@code ?step=}), and the result rendered by the same page above the pre-filled form, so answers can be changed.
 * Radio buttons are named by question id; {@code check=1} marks a submitted check (the only one counted);
 * {@code print=1} shows the result alone.
 */
public class RiskCheckPage extends NoStorePage {

    public static final String CHECK = "check";
    public static final String STEP = "step";
    public static final String PRINT = "print";
    public static final String AGENCY = "agency";
    public static final String COUNTRY = "country";

    private final int step;

    public RiskCheckPage(PageParameters parameters) {
        super(parameters);
        RiskCheckService riskCheck = PortalApplication.get().riskCheck();
        Questionnaire questionnaire = riskCheck.questionnaire();
        Map<String, String> answers = answersIn(parameters, questionnaire);
        Optional<String> agency = typed(parameters, AGENCY);
        Optional<String> country = typed(parameters, COUNTRY);
        int requestedStep = parameters.get(STEP).toInt(0);
        this.step = requestedStep >= 1 && requestedStep <= questionnaire.sections().size() ? requestedStep : 0;
        boolean submitted = !parameters.get(CHECK).isEmpty();
        boolean hasAnswers = !answers.isEmpty() || agency.isPresent();
        boolean print = !parameters.get(PRINT).isEmpty() && hasAnswers;

        RiskCheckResult result = null;
        boolean invalid = false;
        if (step == 0 && (submitted || hasAnswers)) {
            try {
                result = submitted && !print
                        ? riskCheck.check(language(), answers, agency, country)
                        : riskCheck.evaluate(language(), answers, agency, country);
            } catch (InvalidAnswerException e) {
                // A hand-edited address: say so and show the form again; the reason is not shown or logged.
                invalid = true;
            }
        }
        boolean showResult = result != null;

        // With a result on screen the lead gives way, so that the result comes first on a phone.
        add(new WebMarkupContainer("intro").setVisible(!print && !showResult));
        add(new WebMarkupContainer("privacy").setVisible(!print));
        add(new BookmarkablePageLink<Void>("modeLink", RiskCheckPage.class, modeParameters())
                .setBody(Model.of(getString(step == 0 ? "riskCheck.mode.steps" : "riskCheck.mode.onePage")))
                .setVisible(!print && !showResult));
        add(new Label("invalid", getString("riskCheck.invalid")).setVisible(invalid));
        add(showResult
                ? new RiskCheckResultPanel("result", language(), Model.of(result), Model.ofList(checklist(questionnaire)),
                        print ? withoutKeys(CHECK, PRINT) : withoutKeys(CHECK, STEP).set(PRINT, 1), print)
                : new EmptyPanel("result"));
        add(new Label("changeHeading", getString("riskCheck.change.heading")).setVisible(showResult && !print));
        add(new RiskCheckFormPanel("form", language(), questionnaire, answers, agency.orElse(null), country.orElse(null),
                step, showResult)
                .setVisible(!print));
    }

    /** The answers in the address that name a question of the questionnaire; other parameters are not answers. */
    private static Map<String, String> answersIn(PageParameters parameters, Questionnaire questionnaire) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Questionnaire.Question question : questionnaire.questions()) {
            String value = parameters.get(question.id()).toOptionalString();
            if (value != null && !value.isBlank()) {
                answers.put(question.id(), value.strip());
            }
        }
        return answers;
    }

    private static Optional<String> typed(PageParameters parameters, String name) {
        return Optional.ofNullable(parameters.get(name).toOptionalString()).map(String::strip).filter(v -> !v.isEmpty());
    }

    private List<String> checklist(Questionnaire questionnaire) {
        return questionnaire.checklist().stream().map(item -> item.in(language())).toList();
    }

    /** Switching between one page and one section per screen keeps the answers given so far. */
    private PageParameters modeParameters() {
        PageParameters parameters = withoutKeys(CHECK, STEP, PRINT);
        if (step == 0) {
            parameters.set(STEP, 1);
        }
        return parameters;
    }

    private PageParameters withoutKeys(String... names) {
        PageParameters copy = new PageParameters(getPageParameters());
        for (String name : names) {
            copy.remove(name);
        }
        return copy;
    }

    /** The same answers in the other language, shown but not counted a second time. */
    @Override
    protected PageParameters parametersInOtherLanguage() {
        PageParameters other = super.parametersInOtherLanguage();
        other.remove(CHECK);
        return other;
    }

    /**
     * The first screen, before any answer, is the same for everyone; the page cache only ever keeps an address
     * without a query, so no answer can end up in it.
     */
    @Override
    protected boolean isCacheable() {
        return getPageParameters().getNamedKeys().stream().allMatch(name -> "lang".equals(name));
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("riskCheck.title");
    }

    @Override
    protected IModel<String> description() {
        return () -> getString("riskCheck.lead");
    }
}
