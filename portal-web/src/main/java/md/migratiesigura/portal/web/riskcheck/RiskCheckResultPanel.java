package md.migratiesigura.portal.web.riskcheck;

import java.util.List;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.riskcheck.RiskCheckResult.RaisedFlag;
import md.migratiesigura.portal.riskcheck.RiskCheckResult;
import md.migratiesigura.portal.web.agency.AgenciesPage;
import md.migratiesigura.portal.web.common.BasePage;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.consultation.ConsultationRoutes;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.link.ExternalLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.ResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * The result of a check: the tier, then each red flag with why it matters (the ILO indicator), the answer that
 * raised it and what to do now; what the registry said; what to find out; the hotline to call, a consultation to
 * ask for, a printable version; and the before-you-go checklist.
 */
public class RiskCheckResultPanel extends Panel {

    /**
     * @param switchParameters the address of the printable version, or back to the check when {@code print}
     */
    public RiskCheckResultPanel(String id, Language language, IModel<RiskCheckResult> result,
                                IModel<List<String>> checklist, PageParameters switchParameters, boolean print) {
        super(id, result);
        WebMarkupContainer tier = new WebMarkupContainer("tier");
        tier.add(AttributeModifier.append("class", result.map(r -> "tier-" + r.tier().code())));
        tier.add(new Label("title", result.map(RiskCheckResult::tierTitle)));
        tier.add(new Label("text", result.map(RiskCheckResult::tierText)));
        tier.add(new Label("unanswered", result.map(r -> Texts.plural(getString("riskCheck.unanswered"), getLocale(),
                r.unanswered().size()))) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(!result.getObject().unanswered().isEmpty());
            }
        });
        add(tier);

        add(list("notes", "note", result.map(RiskCheckResult::notes)));
        add(new ListView<>("flags", result.map(RiskCheckResult::flags)) {
            @Override
            protected void populateItem(ListItem<RaisedFlag> item) {
                RaisedFlag flag = item.getModelObject();
                item.add(AttributeModifier.append("class", "severity-" + flag.severity().name().toLowerCase()));
                item.add(new Label("severity", getString("riskCheck.severity." + flag.severity().name())));
                item.add(new Label("rule", flag.rule()));
                item.add(new Label("title", flag.title()));
                item.add(new Label("indicator", flag.indicator()));
                item.add(new ListView<>("raisedBy", flag.raisedBy()) {
                    @Override
                    protected void populateItem(ListItem<String> reason) {
                        reason.add(new Label("reason", reason.getModel()));
                    }
                });
                item.add(new Label("advice", flag.advice()));
            }
        });
        add(list("unsure", "question", result.map(RiskCheckResult::unsure)));

        add(new ExternalLink("consultation", ConsultationRoutes.consultation(language)));
        add(new BookmarkablePageLink<Void>("agencies", AgenciesPage.class, BasePage.parametersIn(language)));
        add(new BookmarkablePageLink<Void>("switch", RiskCheckPage.class, switchParameters)
                .setBody(new ResourceModel(print ? "riskCheck.backToCheck" : "riskCheck.print")));
        add(list("checklist", "item", checklist));
    }

    /** A list that is hidden when empty, with one label per item. */
    private static WebMarkupContainer list(String id, String itemId, IModel<List<String>> items) {
        WebMarkupContainer container = new WebMarkupContainer(id) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(!items.getObject().isEmpty());
            }
        };
        container.add(new ListView<>(itemId + "s", items) {
            @Override
            protected void populateItem(ListItem<String> item) {
                item.add(new Label(itemId, item.getModel()));
            }
        });
        return container;
    }
}
