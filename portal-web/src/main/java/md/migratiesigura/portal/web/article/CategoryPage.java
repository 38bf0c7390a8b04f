package md.migratiesigura.portal.web.article;

import md.migratiesigura.portal.article.ArticleFilter;
import md.migratiesigura.portal.article.CategoryView;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.common.NotFoundPage;
import org.apache.wicket.model.IModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** The published articles of one category, newest first. An unknown category answers 404. */
public class CategoryPage extends ArticleListingPage {

    private final CategoryView category;

    public CategoryPage(PageParameters parameters) {
        super(parameters);
        String key = parameters.get("key").toString("");
        this.category = key.matches("[a-z0-9-]{1,64}")
                ? PortalApplication.get().articles().category(language(), key).orElse(null) : null;
        if (category == null) {
            throw NotFoundPage.renderInstead(language());
        }
    }

    public static PageParameters parameters(Language language, String key) {
        return parametersIn(language).set("key", key);
    }

    @Override
    protected ArticleFilter filter() {
        return ArticleFilter.category(category.key());
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> category.name();
    }
}
