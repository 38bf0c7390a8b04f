package md.migratiesigura.portal.web.article;

import java.util.List;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.common.ExactMountedMapper;
import md.migratiesigura.portal.web.common.LocalizedPath;
import md.migratiesigura.portal.web.home.HomeRoutes;
import org.apache.wicket.protocol.http.WebApplication;

/** The articles' addresses: public pages, the Atom feeds, the editors' pages and preview, the API resource. */
public final class ArticleRoutes {

    private static final LocalizedPath ARTICLE = new LocalizedPath("/ro/articole", "/ru/stati");
    private static final LocalizedPath CATEGORY = new LocalizedPath("/ro/categorie", "/ru/kategoriya");
    private static final LocalizedPath TAG = new LocalizedPath("/ro/eticheta", "/ru/metka");
    /** Where the editor's script posts the Markdown it previews ({@link PreviewResource}). */
    public static final String PREVIEW = "/admin/preview";
    /** {@link ArticlesEndpoint}, below the API's path. */
    public static final String API = "v1/articles";

    private ArticleRoutes() {
    }

    public static void mount(WebApplication application) {
        ARTICLE.mount(application, "/${slug}", ArticlePage.class);
        CATEGORY.mount(application, "/${key}", CategoryPage.class);
        TAG.mount(application, "/${tag}", TagPage.class);
        application.mount(new ExactMountedMapper("/admin/articles", ArticlesPage.class));
        application.mount(new ExactMountedMapper("/admin/articles/new", NewArticlePage.class));
        application.mount(new ExactMountedMapper("/admin/articles/${key}", ArticleEditPage.class));
        application.mount(new ExactMountedMapper("/admin/articles/${key}/revisions", RevisionsPage.class));
        application.mount(new ExactMountedMapper("/admin/translations", TranslationsPage.class));
        application.mount(new ExactMountedMapper("/admin/pages", PagesPage.class));
        application.mount(new ExactMountedMapper("/admin/pages/new", NewPagePage.class));
        application.mount(new ExactMountedMapper("/admin/review", ReviewPage.class));
        application.mountResource(PREVIEW, PreviewResource.REFERENCE);
    }

    public static String article(Language language, String slug) {
        return ARTICLE.in(language) + "/" + slug;
    }

    public static String category(Language language, String key) {
        return CATEGORY.in(language) + "/" + key;
    }

    /** A language's newest articles as Atom, served by {@link AtomFeedServlet}: {@code /ro/feed.atom}. */
    public static String feed(Language language) {
        return HomeRoutes.home(language) + "feed.atom";
    }

    /** Both feeds, Romanian first. */
    public static List<String> feeds() {
        return List.of(feed(Language.RO), feed(Language.RU));
    }
}
