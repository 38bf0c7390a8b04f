package md.migratiesigura.portal.web.article;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.article.ArticleSummary;
import md.migratiesigura.portal.article.ArticleView;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.media.CoverImage;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.common.BasePage;
import md.migratiesigura.portal.web.common.JsonLd;
import md.migratiesigura.portal.web.common.NotFoundPage;
import md.migratiesigura.portal.web.common.Texts;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.link.ExternalLink;
import org.apache.wicket.markup.html.list.ListItem;
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
        article = LoadableDetachableModel.of(
                () -> PortalApplication.get().articles().bySlug(language(), slug).orElse(null));
        if (article.getObject() == null) {
            throw NotFoundPage.renderInstead(language());
        }
        add(new Label("heading", article.map(ArticleView::title)));
        WebMarkupContainer date = new WebMarkupContainer("date");
        date.add(AttributeModifier.replace("datetime", article.map(a -> Texts.isoDate(a.publishedAt()))));
        date.add(new Label("text", article.map(a -> Texts.date(a.publishedAt(), getLocale()))));
        add(date);
        add(new Label("reading", article.map(a -> Texts.plural(getString("article.readingTime"), getLocale(), a.readingMinutes()))));
        ArticleView view = article.getObject();
        BookmarkablePageLink<Void> category = new BookmarkablePageLink<>("category", CategoryPage.class,
                CategoryPage.parameters(language(), view.categoryKey() == null ? "-" : view.categoryKey()));
        category.add(new Label("name", article.map(ArticleView::categoryName)));
        category.setVisible(view.categoryKey() != null);
        add(category);
        add(new Label("summary", article.map(ArticleView::summary)) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(getDefaultModelObject() != null);
            }
        });
        add(newCover("cover", view));
        // The body is HTML rendered from Markdown when it was saved, with raw HTML escaped and only safe link
        // schemes kept (MarkdownRenderer): the one place where an article's text is not escaped again.
        add(new Label("body", article.map(ArticleView::bodyHtml)).setEscapeModelStrings(false));
        add(new ListView<>("tags", article.map(ArticleView::tags)) {
            @Override
            protected void populateItem(ListItem<String> item) {
                BookmarkablePageLink<Void> link = new BookmarkablePageLink<>("link", TagPage.class,
                        TagPage.parameters(language(), item.getModelObject()));
                link.add(new Label("tag", item.getModel()));
                item.add(link);
            }
        });
        add(new ArticleSourcesPanel("sources", article));
        add(new WebMarkupContainer("noTranslation") {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(article.getObject().otherLanguageSlug() == null);
            }
        });
        addShareLinks();
        IModel<List<ArticleSummary>> related = LoadableDetachableModel.of(() ->
                PortalApplication.get().articles().related(language(), article.getObject().key(),
                        article.getObject().categoryKey(), 3));
        add(new WebMarkupContainer("relatedSection") {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(!related.getObject().isEmpty());
            }
        }.add(new ArticleListPanel("related", related)));
        // Structured data for search engines: JSON with <, > and & escaped, so nothing can close the script.
        add(new Label("jsonLd", this::jsonLd).setEscapeModelStrings(false));
    }

    /**
     * The cover image with its required alternative text, both widths for the browser to choose from, and its
     * size given up front so the text does not jump while it loads.
     */
    private static WebMarkupContainer newCover(String id, ArticleView view) {
        WebMarkupContainer figure = new WebMarkupContainer(id);
        figure.setVisible(view.cover() != null);
        WebMarkupContainer image = new WebMarkupContainer("image");
        if (view.cover() != null) {
            CoverImage c = view.cover();
            image.add(AttributeModifier.replace("src", c.path()));
            image.add(AttributeModifier.replace("srcset", c.smallPath() + " " + c.smallWidth() + "w, " + c.path() + " "
                    + c.width() + "w"));
            image.add(AttributeModifier.replace("sizes", "(max-width: 46rem) 100vw, 46rem"));
            image.add(AttributeModifier.replace("width", String.valueOf(c.width())));
            image.add(AttributeModifier.replace("height", String.valueOf(c.height())));
            image.add(AttributeModifier.replace("alt", view.coverAlt() == null ? "" : view.coverAlt()));
        }
        figure.add(image);
        return figure;
    }

    /** Sharing by plain links: nothing is loaded from the networks until the reader chooses one. */
    private void addShareLinks() {
        IModel<String> url = () -> URLEncoder.encode(absoluteUrl(language()), StandardCharsets.UTF_8);
        IModel<String> title = () -> URLEncoder.encode(article.getObject().title(), StandardCharsets.UTF_8);
        add(new ExternalLink("shareWhatsapp", () -> "https://wa.me/?text=" + title.getObject() + "%20" + url.getObject()));
        add(new ExternalLink("shareTelegram", () -> "https://t.me/share/url?url=" + url.getObject() + "&text=" + title.getObject()));
        add(new ExternalLink("shareViber", () -> "viber://forward?text=" + title.getObject() + "%20" + url.getObject()));
        add(new ExternalLink("shareFacebook", () -> "https://www.facebook.com/sharer/sharer.php?u=" + url.getObject()));
        add(new ExternalLink("shareEmail", () -> "mailto:?subject=" + title.getObject().replace("+", "%20")
                + "&body=" + url.getObject()));
        add(new WebMarkupContainer("shareUrl").add(AttributeModifier.replace("value", () -> absoluteUrl(language()))));
    }

    private String jsonLd() {
        ArticleView a = article.getObject();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "Article");
        data.put("headline", a.title());
        if (a.summary() != null) {
            data.put("description", a.summary());
        }
        data.put("inLanguage", language().code());
        data.put("datePublished", a.publishedAt().toString());
        data.put("dateModified", a.updatedAt().toString());
        data.put("mainEntityOfPage", absoluteUrl(language()));
        data.put("publisher", Map.of("@type", "Organization", "name", "Centrul Internațional „La Strada”"));
        return JsonLd.write(data);
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

    @Override
    protected boolean isCacheable() {
        return true;
    }
}
