package md.migratiesigura.portal.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import md.migratiesigura.portal.article.PageService;
import md.migratiesigura.portal.article.PageSummary;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.navigation.NavigationItem;
import md.migratiesigura.portal.navigation.NavigationService;
import md.migratiesigura.portal.navigation.NavigationTarget;
import md.migratiesigura.portal.web.api.ApiEndpoint;
import md.migratiesigura.portal.web.api.ApiRequest;
import md.migratiesigura.portal.web.common.PublicUrls;

/**
 * {@code GET /api/v1/pages?lang=}: the published pages of a language, by title, each with where the navigation shows
 * it ({@code menu}: {@code main}, {@code footer} or null) and its 1-based place there ({@code order}).
 */
public class PagesEndpoint implements ApiEndpoint {

    private final PageService pages;
    private final NavigationService navigation;
    private final PublicUrls urls;

    public PagesEndpoint(PageService pages, NavigationService navigation, PublicUrls urls) {
        this.pages = pages;
        this.navigation = navigation;
        this.urls = urls;
    }

    @Override
    public Object handle(ApiRequest request) {
        Language language = request.language();
        List<NavigationItem> entries = navigation.entries(language);
        List<Item> items = new ArrayList<>();
        for (PageSummary page : pages.published(language)) {
            String menu = null;
            Integer order = null;
            int[] seen = new int[2];
            for (NavigationItem entry : entries) {
                int place = entry.place().ordinal();
                seen[place]++;
                if (entry.targetKind() == NavigationTarget.PAGE && entry.target().equals(page.key())) {
                    menu = entry.place().name().toLowerCase(Locale.ROOT);
                    order = seen[place];
                    break;
                }
            }
            items.add(new Item(page.key(), language.code(), page.title(),
                    urls.absolute(PageRoutes.page(language, page.slug())), menu, order));
        }
        return Map.of("items", items);
    }

    record Item(String key, String lang, String title, String url, String menu, Integer order) {
    }
}
