package md.migratiesigura.portal.web.riskcheck;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.riskcheck.Questionnaire;
import md.migratiesigura.portal.riskcheck.Questionnaire.AnswerOption;
import md.migratiesigura.portal.riskcheck.Questionnaire.Question;
import md.migratiesigura.portal.riskcheck.Questionnaire.Section;
import md.migratiesigura.portal.riskcheck.RiskCheckService;
import md.migratiesigura.portal.web.common.BasePage;
import md.migratiesigura.portal.web.common.Texts;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.ResourceModel;
import org.apache.wicket.request.cycle.RequestCycle;

/**
 * The questionnaire as a plain GET form, pre-filled with the answers in the address. With {@code step} > 0 only
 * that section is shown and the other answers travel along as hidden fields, so a phone shows one screen at a time
 * without a session or JavaScript.
 */
public class RiskCheckFormPanel extends Panel {

    private final Map<String, String> answers;
    private final boolean markUnanswered;

    /**
     * @param agency         the agency typed so far, or null
     * @param country        the destination country typed so far, or null
     * @param step           0 for the whole questionnaire on one page, else the 1-based section to show
     * @param markUnanswered whether to point out questions left without an answer (after a result)
     */
    public RiskCheckFormPanel(String id, Language language, Questionnaire questionnaire, Map<String, String> answers,
                              String agency, String country, int step, boolean markUnanswered) {
        super(id);
        this.answers = answers;
        this.markUnanswered = markUnanswered;
        List<Section> sections = questionnaire.sections();
        WebMarkupContainer form = new WebMarkupContainer("form");
        // The form sends its fields to the page's own address: a stateless GET, nothing posted back to Wicket.
        form.add(AttributeModifier.replace("action",
                () -> RequestCycle.get().urlFor(RiskCheckPage.class, BasePage.parametersIn(language)).toString()));
        add(form);

        form.add(new Label("progress", () -> Texts.format(getString("riskCheck.progress"), getLocale(), step, sections.size()))
                .setVisible(step > 0));
        form.add(new ListView<>("sections", sections) {
            @Override
            protected void populateItem(ListItem<Section> item) {
                Section section = item.getModelObject();
                item.setVisible(step == 0 || step == item.getIndex() + 1);
                item.add(new Label("title", section.title().in(language)));
                item.add(questions(section, language));
                WebMarkupContainer registry = new WebMarkupContainer("registry");
                registry.setVisible(item.getIndex() == 0);
                Questionnaire.RegistryTexts texts = questionnaire.registry();
                registry.add(new Label("agencyLabel", texts.agencyLabel().in(language)));
                registry.add(new Label("agencyHelp", texts.agencyHelp().in(language)));
                registry.add(textInput("agency", RiskCheckPage.AGENCY, agency));
                registry.add(new Label("countryLabel", texts.countryLabel().in(language)));
                registry.add(new Label("countryHelp", texts.countryHelp().in(language)));
                registry.add(textInput("country", RiskCheckPage.COUNTRY, country));
                item.add(registry);
            }
        });
        form.add(new ListView<>("carried", carried(sections, agency, country, step)) {
            @Override
            protected void populateItem(ListItem<Field> item) {
                WebMarkupContainer hidden = new WebMarkupContainer("hidden");
                hidden.add(AttributeModifier.replace("name", item.getModelObject().name()));
                hidden.add(AttributeModifier.replace("value", item.getModelObject().value()));
                item.add(hidden);
            }
        });

        boolean last = step == 0 || step == sections.size();
        form.add(button("next", RiskCheckPage.STEP, step + 1, "riskCheck.next").setVisible(!last));
        form.add(button("submit", RiskCheckPage.CHECK, 1, "riskCheck.submit").setVisible(last));
        form.add(button("back", RiskCheckPage.STEP, step - 1, "riskCheck.back").setVisible(step > 1));
    }

    private ListView<Question> questions(Section section, Language language) {
        return new ListView<>("questions", section.questions()) {
            @Override
            protected void populateItem(ListItem<Question> item) {
                Question question = item.getModelObject();
                boolean unanswered = markUnanswered && !answers.containsKey(question.id());
                if (unanswered) {
                    item.add(AttributeModifier.append("class", "unanswered"));
                }
                item.add(new Label("text", question.text().in(language)));
                item.add(new Label("help", question.help().in(language)));
                item.add(new Label("unanswered", getString("riskCheck.notAnswered")).setVisible(unanswered));
                item.add(new ListView<>("options", question.options()) {
                    @Override
                    protected void populateItem(ListItem<AnswerOption> option) {
                        AnswerOption o = option.getModelObject();
                        WebMarkupContainer radio = new WebMarkupContainer("radio");
                        radio.add(AttributeModifier.replace("name", question.id()));
                        radio.add(AttributeModifier.replace("value", o.id()));
                        if (o.id().equals(answers.get(question.id()))) {
                            radio.add(AttributeModifier.replace("checked", "checked"));
                        }
                        option.add(radio);
                        option.add(new Label("label", o.text().in(language)));
                    }
                });
            }
        };
    }

    private static WebMarkupContainer textInput(String id, String name, String value) {
        WebMarkupContainer input = new WebMarkupContainer(id);
        input.add(AttributeModifier.replace("name", name));
        input.add(AttributeModifier.replace("maxlength", RiskCheckService.MAX_INPUT));
        if (value != null) {
            input.add(AttributeModifier.replace("value", value));
        }
        return input;
    }

    private static WebMarkupContainer button(String id, String name, int value, String textKey) {
        WebMarkupContainer button = new WebMarkupContainer(id);
        button.add(AttributeModifier.replace("name", name));
        button.add(AttributeModifier.replace("value", value));
        button.add(new Label("text", new ResourceModel(textKey)));
        return button;
    }

    /** The answers of the sections not on screen, sent along as hidden fields (name, value). */
    private List<Field> carried(List<Section> sections, String agency, String country, int step) {
        List<Field> hidden = new ArrayList<>();
        if (step == 0) {
            return hidden;
        }
        for (int i = 0; i < sections.size(); i++) {
            if (i + 1 == step) {
                continue;
            }
            for (Question question : sections.get(i).questions()) {
                String answer = answers.get(question.id());
                if (answer != null) {
                    hidden.add(new Field(question.id(), answer));
                }
            }
            if (i == 0) {
                if (agency != null) {
                    hidden.add(new Field(RiskCheckPage.AGENCY, agency));
                }
                if (country != null) {
                    hidden.add(new Field(RiskCheckPage.COUNTRY, country));
                }
            }
        }
        return hidden;
    }

    /** A form field carried along unseen. */
    private record Field(String name, String value) implements Serializable {
    }
}
