package md.migratiesigura.portal.web.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import md.migratiesigura.portal.article.ArticleSearchSource;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.search.InvalidQueryException;
import md.migratiesigura.portal.search.SearchBusyException;
import md.migratiesigura.portal.search.SearchHit;
import md.migratiesigura.portal.search.SearchQuery;
import md.migratiesigura.portal.search.SearchResults;
import md.migratiesigura.portal.search.SearchService;
import md.migratiesigura.portal.web.api.ApiEndpoint;
import md.migratiesigura.portal.web.api.ApiException;
import md.migratiesigura.portal.web.api.ApiRequest;
import md.migratiesigura.portal.web.article.ArticleRoutes;
import md.migratiesigura.portal.web.common.PublicUrls;
import md.migratiesigura.portal.web.event.EventRoutes;
import md.migratiesigura.portal.web.pages.PageRoutes;

/**
 * {@code GET /api/v1/search?q=&lang=ro|ru&type=article|event&page=1&size=10}: {@code {"total", "totalExact", "hits":
 * [{"type", "key", "lang", "title", "url", "snippet"}], "suggestion"}}. The snippet is escaped text with {@code <mark>}
 * around matches; {@code total} counts up to 1,000 ({@code totalExact} false beyond).
 */
public class SearchEndpoint implements ApiEndpoint {

    private static final List<String> TYPES = List.of("article", "event", ArticleSearchSource.PAGE_TYPE);

    private final SearchService search;
    private final PublicUrls urls;

    public SearchEndpoint(SearchService search, PublicUrls urls) {
        this.search = search;
        this.urls = urls;
    }

    @Override
    public Object handle(ApiRequest request) {
        Language language = request.language();
        String text = request.parameter("q").orElseThrow(() -> ApiException.badRequest("q is required"));
        Optional<String> type = request.parameter("type");
        if (type.isPresent() && !TYPES.contains(type.get())) {
            throw ApiException.badRequest("type must be 'article' or 'event'");
        }
        int page = request.intParameter("page", 1, 1, 100);
        int size = request.intParameter("size", 10, 1, 50);
        boolean both = "1".equals(request.parameter("all").orElse("0"));
        SearchResults results;
        try {
            results = search.search(new SearchQuery(text, language, both, type, Optional.empty(), page, size));
        } catch (InvalidQueryException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (SearchBusyException e) {
            throw new ApiException(503, "too many searches at this moment; try again in a few seconds");
        }
        Map<String, Object> body = new HashMap<>();
        body.put("total", results.total());
        // Matches are counted up to 1,000: beyond, "total" is 1000 and this is false.
        body.put("totalExact", results.totalExact());
        body.put("hits", results.hits().stream().map(this::hit).toList());
        body.put("suggestion", results.suggestion());
        return body;
    }

    private Hit hit(SearchHit h) {
        return new Hit(h.type(), h.key(), h.language().code(), h.title(), "event".equals(h.type()) ? urls.absolute(EventRoutes.event(h.language(), h.key()))
                : ArticleSearchSource.PAGE_TYPE.equals(h.type()) ? urls.absolute(PageRoutes.page(h.language(), h.slug()))
                : urls.absolute(ArticleRoutes.article(h.language(), h.slug())), h.snippet());
    }

    record Hit(String type, String key, String lang, String title, String url, String snippet) {
    }
}
