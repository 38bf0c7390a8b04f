package md.migratiesigura.portal.web.home;

import md.migratiesigura.portal.article.CategoryView;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.agency.AgenciesPage;
import md.migratiesigura.portal.web.article.ArticleListPanel;
import md.migratiesigura.portal.web.article.CategoryPage;
import md.migratiesigura.portal.web.common.BasePage;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.consultation.ConsultationPage;
import md.migratiesigura.portal.web.riskcheck.RiskCheckPage;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * The front page in one language: what the portal is for, the job-offer check, the questions to ask before leaving,
 * the latest articles.
 */
public class HomePage extends BasePage {

    static final int LATEST = 8;

    public HomePage(PageParameters parameters) {
        super(parameters);
        IModel<Long> published = LoadableDetachableModel.of(
                () -> PortalApplication.get().articles().countPublished(language()));
        add(new ArticleListPanel("latest", LoadableDetachableModel.of(
                () -> PortalApplication.get().articles().latest(language(), LATEST))));
        add(new Label("publishedCount", published.map(n -> Texts.plural(getString("home.articleCount"), getLocale(), n))));
        add(new ListView<>("categories", LoadableDetachableModel.of(
                () -> PortalApplication.get().articles().categories(language()))) {
            @Override
            protected void populateItem(ListItem<CategoryView> item) {
                BookmarkablePageLink<Void> link = new BookmarkablePageLink<>("link", CategoryPage.class,
                        CategoryPage.parameters(language(), item.getModelObject().key()));
                link.add(new Label("name", item.getModelObject().name()));
                item.add(link);
            }
        });
        add(new BookmarkablePageLink<Void>("riskCheck", RiskCheckPage.class, parametersIn(language())));
        add(new BookmarkablePageLink<Void>("consultation", ConsultationPage.class, parametersIn(language())));
        add(new BookmarkablePageLink<Void>("agencies", AgenciesPage.class, parametersIn(language())));
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("home.title");
    }

    @Override
    protected boolean isCacheable() {
        return true;
    }
}
