package md.migratiesigura.portal.web.article;

import md.migratiesigura.portal.article.ArticleFilter;
import md.migratiesigura.portal.article.ArticleSummary;
import md.migratiesigura.portal.common.ResultPage;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.common.BasePage;
import md.migratiesigura.portal.web.common.PagerPanel;
import md.migratiesigura.portal.web.common.Texts;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** A paginated list of published articles (a category, a tag): heading, cards, pager. */
public abstract class ArticleListingPage extends BasePage {

    static final int PAGE_SIZE = 12;

    private final int page;
    private final IModel<ResultPage<ArticleSummary>> articles;

    protected ArticleListingPage(PageParameters parameters) {
        super(parameters);
        this.page = Math.max(1, Math.min(10_000, parameters.get("page").toInt(1)));
        this.articles = LoadableDetachableModel.of(
                () -> PortalApplication.get().articles().published(language(), filter(), page, PAGE_SIZE));
        add(new Label("heading", pageTitle()));
        add(new Label("count", articles.map(r -> Texts.plural(getString("home.articleCount"), getLocale(), r.total()))));
        add(new ArticleListPanel("articles", articles.map(ResultPage::items)));
        add(new PagerPanel("pager", getClass(), page, articles.map(ResultPage::pageCount),
                target -> new PageParameters(getPageParameters()).set("page", target)));
    }

    /** Which articles this listing shows. */
    protected abstract ArticleFilter filter();

    @Override
    protected void onDetach() {
        articles.detach();
        super.onDetach();
    }

    @Override
    protected boolean isCacheable() {
        return true;
    }
}
