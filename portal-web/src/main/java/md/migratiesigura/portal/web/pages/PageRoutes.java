package md.migratiesigura.portal.web.pages;

import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.common.ExactMountedMapper;
import md.migratiesigura.portal.web.common.LocalizedPath;
import org.apache.wicket.protocol.http.WebApplication;

/**
 * The pages' addresses, {@code /ro/{slug}} and {@code /ru/{slug}}, and the editors' navigation page. A fixed address
 * ({@code /ro/cautare}) is a closer match than a page's and always wins; the editors cannot give a page such a slug
 * ({@code ReservedSlugs}).
 */
public final class PageRoutes {

    private static final LocalizedPath PAGE = new LocalizedPath("/ro", "/ru");
    public static final String NAVIGATION = "/admin/navigation";
    /** {@link PagesEndpoint}, below the API's path. */
    public static final String API = "v1/pages";

    private PageRoutes() {
    }

    public static void mount(WebApplication application) {
        PAGE.mount(application, "/${slug}", PagePage.class);
        application.mount(new ExactMountedMapper(NAVIGATION, NavigationEditPage.class));
    }

    public static String page(Language language, String slug) {
        return PAGE.in(language) + "/" + slug;
    }
}
