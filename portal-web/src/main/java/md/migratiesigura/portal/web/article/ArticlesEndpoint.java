package md.migratiesigura.portal.web.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.article.ArticleFilter;
import md.migratiesigura.portal.article.ArticleReview;
import md.migratiesigura.portal.article.ArticleService;
import md.migratiesigura.portal.article.ArticleSummary;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.ResultPage;
import md.migratiesigura.portal.web.api.ApiEndpoint;
import md.migratiesigura.portal.web.api.ApiException;
import md.migratiesigura.portal.web.api.ApiRequest;
import md.migratiesigura.portal.web.common.PublicUrls;

/**
 * {@code GET /api/v1/articles?lang=&category=&page=1&size=20}: published articles, newest first, each with the day its
 * facts were last checked ({@code reviewed}, or null) and its {@code sources}.
 */
public class ArticlesEndpoint implements ApiEndpoint {

    private final ArticleService articles;
    private final PublicUrls urls;

    public ArticlesEndpoint(ArticleService articles, PublicUrls urls) {
        this.articles = articles;
        this.urls = urls;
    }

    @Override
    public Object handle(ApiRequest request) {
        Language language = request.language();
        int page = request.intParameter("page", 1, 1, 10_000);
        int size = request.intParameter("size", 20, 1, 100);
        var category = request.parameter("category");
        if (category.isPresent() && !category.get().matches("[a-z0-9-]{1,64}")) {
            throw ApiException.badRequest("category must be a category key such as 'munca'");
        }
        ResultPage<ArticleSummary> result = articles.published(language,
                category.map(ArticleFilter::category).orElse(ArticleFilter.ALL), page, size);
        Map<String, ArticleReview> reviews = articles.reviews(language,
                result.items().stream().map(ArticleSummary::key).toList());
        return Map.of("total", result.total(), "items", result.items().stream()
                .map(a -> item(a, reviews.getOrDefault(a.key(), new ArticleReview(null, List.of())))).toList());
    }

    private Item item(ArticleSummary a, ArticleReview review) {
        return new Item(a.key(), a.language().code(), a.title(), a.summary(), urls.absolute(ArticleRoutes.article(a.language(), a.slug())),
                a.publishedAt(), a.categoryKey(), a.tags(), review.reviewed(),
                review.sources().stream().map(s -> new Source(s.title(), s.publisher(), s.url(), s.consulted())).toList());
    }

    /** The fields the API promises, then {@code reviewed} and {@code sources}, added without changing those. */
    record Item(String key, String lang, String title, String summary, String url, Instant published, String category,
                List<String> tags, LocalDate reviewed, List<Source> sources) {
    }

    record Source(String title, String publisher, String url, LocalDate consulted) {
    }
}
