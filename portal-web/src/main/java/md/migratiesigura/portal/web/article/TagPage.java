package md.migratiesigura.portal.web.article;

import md.migratiesigura.portal.article.ArticleFilter;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.common.NotFoundPage;
import org.apache.wicket.model.IModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** The published articles carrying one tag, newest first. */
public class TagPage extends ArticleListingPage {

    private final String tag;

    public TagPage(PageParameters parameters) {
        super(parameters);
        this.tag = parameters.get("tag").toString("");
        if (tag.length() > 64 || !tag.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw NotFoundPage.renderInstead(language());
        }
    }

    public static PageParameters parameters(Language language, String tag) {
        return parametersIn(language).set("tag", tag);
    }

    @Override
    protected ArticleFilter filter() {
        return ArticleFilter.tag(tag);
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("tag.heading") + " " + tag;
    }
}
