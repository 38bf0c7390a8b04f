package md.migratiesigura.portal.web.pages;

import md.migratiesigura.portal.article.PageView;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.article.ArticleSourcesPanel;
import md.migratiesigura.portal.web.common.BasePage;
import md.migratiesigura.portal.web.common.NotFoundPage;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** One published page (about the hotline, contacts, …) in one language. An unknown or unpublished slug answers 404. */
public class PagePage extends BasePage {

    private final IModel<PageView> page;

    public PagePage(PageParameters parameters) {
        super(parameters);
        String slug = parameters.get("slug").toString("");
        page = LoadableDetachableModel.of(() -> PortalApplication.get().pages().bySlug(language(), slug).orElse(null));
        if (page.getObject() == null) {
            throw NotFoundPage.renderInstead(language());
        }
        add(new Label("heading", page.map(PageView::title)));
        add(new WebMarkupContainer("noTranslation") {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(page.getObject().otherLanguageSlug() == null);
            }
        });
        // The body is HTML rendered from Markdown when it was saved, with raw HTML escaped and only safe link
        // schemes kept (MarkdownRenderer), as for articles.
        add(new Label("body", page.map(PageView::bodyHtml)).setEscapeModelStrings(false));
        add(new ArticleSourcesPanel("sources", page));
    }

    public static PageParameters parameters(Language language, String slug) {
        return parametersIn(language).set("slug", slug);
    }

    /** This page's slug, for the navigation's current-page mark. */
    String slug() {
        return page.getObject().slug();
    }

    @Override
    protected PageParameters parametersInOtherLanguage() {
        String otherSlug = page.getObject().otherLanguageSlug();
        return otherSlug == null ? null : parameters(language().other(), otherSlug);
    }

    @Override
    protected IModel<String> pageTitle() {
        return page.map(PageView::title);
    }

    @Override
    protected IModel<String> description() {
        return page.map(p -> p.summary() != null ? p.summary() : p.title());
    }

    @Override
    protected void onDetach() {
        page.detach();
        super.onDetach();
    }

    @Override
    protected boolean isCacheable() {
        return true;
    }
}
