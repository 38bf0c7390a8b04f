package md.migratiesigura.portal.web.search;

import java.util.List;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.common.ExactMountedMapper;
import md.migratiesigura.portal.web.common.LocalizedPath;
import org.apache.wicket.protocol.http.WebApplication;

/** The search page, the search API resource and the editors' equivalent-word lists. */
public final class SearchRoutes {

    private static final LocalizedPath SEARCH = new LocalizedPath("/ro/cautare", "/ru/poisk");
    /** {@link SearchEndpoint}, below the API's path. */
    public static final String API = "v1/search";

    private SearchRoutes() {
    }

    public static void mount(WebApplication application) {
        SEARCH.mount(application, "", SearchPage.class);
        application.mount(new ExactMountedMapper("/admin/search-words", SearchWordsPage.class));
    }

    public static String search(Language language) {
        return SEARCH.in(language);
    }

    /** The search page in every language: crawlers are kept off it (its results are the other pages). */
    public static List<String> searchPages() {
        return SEARCH.all("");
    }
}
