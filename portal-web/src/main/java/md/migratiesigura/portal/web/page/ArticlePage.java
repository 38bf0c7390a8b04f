package md.migratiesigura.portal.web.page;

import md.migratiesigura.portal.domain.Language;
import md.migratiesigura.portal.service.ArticleView;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** One published article in one language. An unknown or unpublished slug answers 404. */
public class ArticlePage extends BasePage {

    private final IModel<ArticleView> article;

    public ArticlePage(PageParameters parameters) {
        super(parameters);
        String slug = parameters.get("slug").toString("");
        article = LoadableDetachableModel.of(() -> app().articles().bySlug(language(), slug).orElse(null));
        if (article.getObject() == null) {
            throw NotFoundPage.renderInstead(language());
        }
        add(new Label("heading", article.map(ArticleView::title)));
        WebMarkupContainer date = new WebMarkupContainer("date");
        date.add(AttributeModifier.replace("datetime", article.map(a -> Texts.isoDate(a.publishedAt()))));
        date.add(new Label("text", article.map(a -> Texts.date(a.publishedAt(), getLocale()))));
        add(date);
        add(new Label("reading", article.map(a -> Texts.plural(getString("article.readingTime"), getLocale(), a.readingMinutes()))));
        add(new Label("category", article.map(ArticleView::categoryName)) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(getDefaultModelObject() != null);
            }
        });
        add(new Label("summary", article.map(ArticleView::summary)) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(getDefaultModelObject() != null);
            }
        });
        // The body is HTML rendered from Markdown when it was saved, with raw HTML escaped and only safe link
        // schemes kept (MarkdownRenderer): the one place where model strings are not escaped again.
        add(new Label("body", article.map(ArticleView::bodyHtml)).setEscapeModelStrings(false));
        add(new ListView<>("tags", article.map(ArticleView::tags)) {
            @Override
            protected void populateItem(org.apache.wicket.markup.html.list.ListItem<String> item) {
                item.add(new Label("tag", item.getModel()));
            }
        });
        add(new WebMarkupContainer("noTranslation") {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(article.getObject().otherLanguageSlug() == null);
            }
        });
    }

    public static PageParameters parameters(Language language, String slug) {
        return parametersIn(language).set("slug", slug);
    }

    @Override
    protected PageParameters parametersInOtherLanguage() {
        String otherSlug = article.getObject().otherLanguageSlug();
        return otherSlug == null ? null : parameters(language().other(), otherSlug);
    }

    @Override
    protected IModel<String> pageTitle() {
        return article.map(ArticleView::title);
    }

    @Override
    protected IModel<String> description() {
        return article.map(a -> a.summary() != null ? a.summary() : a.title());
    }

    @Override
    protected void onDetach() {
        article.detach();
        super.onDetach();
    }
}
