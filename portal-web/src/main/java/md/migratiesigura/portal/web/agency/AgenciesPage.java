package md.migratiesigura.portal.web.agency;

import java.util.List;
import md.migratiesigura.portal.agency.AgencyService;
import md.migratiesigura.portal.agency.AgencyView;
import md.migratiesigura.portal.agency.Countries;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.common.BasePage;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.riskcheck.RiskCheckPage;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.cycle.RequestCycle;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * The public lookup in the registry of licensed agencies ({@code ?q=} a name or an IDNO), saying plainly whether
 * each licence is valid and what it covers. "Not found" is advice in itself: call the hotline.
 */
public class AgenciesPage extends BasePage {

    static final int MAX_RESULTS = 50;

    private final String query;

    public AgenciesPage(PageParameters parameters) {
        super(parameters);
        String raw = parameters.get("q").toString("").strip();
        this.query = raw.length() > AgencyService.MAX_QUERY ? raw.substring(0, AgencyService.MAX_QUERY) : raw;
        IModel<List<AgencyView>> results = LoadableDetachableModel.of(() -> query.isEmpty()
                ? List.of() : PortalApplication.get().agencies().search(query, MAX_RESULTS));
        IModel<Boolean> registryEmpty = LoadableDetachableModel.of(
                () -> PortalApplication.get().agencies().count() == 0);

        WebMarkupContainer form = new WebMarkupContainer("form");
        form.add(AttributeModifier.replace("action",
                () -> RequestCycle.get().urlFor(AgenciesPage.class, parametersIn(language())).toString()));
        WebMarkupContainer input = new WebMarkupContainer("q");
        input.add(AttributeModifier.replace("value", query));
        input.add(AttributeModifier.replace("maxlength", AgencyService.MAX_QUERY));
        form.add(input);
        add(form);

        add(new Label("empty", getString("agencies.empty")) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(registryEmpty.getObject());
            }
        });
        add(new Label("count", results.map(list -> Texts.plural(getString("agencies.resultCount"), getLocale(), list.size()))) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(!results.getObject().isEmpty());
            }
        });
        add(new Label("notFound", getString("agencies.notFound")) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(!query.isEmpty() && results.getObject().isEmpty() && !registryEmpty.getObject());
            }
        });
        add(new ListView<>("agencies", results) {
            @Override
            protected void populateItem(ListItem<AgencyView> item) {
                AgencyView a = item.getModelObject();
                item.add(new Label("name", a.name()));
                item.add(new Label("idno", a.idno()));
                item.add(new Label("licence", a.licenceNumber()));
                String until = Texts.date(a.validUntil(), getLocale());
                Label status = new Label("status", Texts.format(getString(a.licenceValid()
                        ? "agencies.valid" : "agencies.expired"), getLocale(), until));
                status.add(AttributeModifier.append("class", a.licenceValid() ? "licence-valid" : "licence-expired"));
                item.add(status);
                item.add(new Label("countries", String.join(", ",
                        a.countries().stream().map(code -> Countries.name(code, language())).toList())));
                item.add(new Label("partners", a.partners().isEmpty()
                        ? getString("agencies.noPartners") : String.join("; ", a.partners())));
                item.add(new Label("verified", Texts.format(getString("agencies.verified"), getLocale(),
                        Texts.date(a.lastVerifiedAt(), getLocale()))));
            }
        });
        add(new BookmarkablePageLink<Void>("check", RiskCheckPage.class, parametersIn(language())));
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> query.isEmpty() ? getString("agencies.title") : getString("agencies.title") + ": " + query;
    }

    @Override
    protected IModel<String> description() {
        return () -> getString("agencies.lead");
    }
}
