package md.migratiesigura.portal.article;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.content.TextRules;
import org.hibernate.SessionFactory;

/**
 * Published pages for the public site: the articles of kind {@link ArticleKind#PAGE}, visible by the same rule as
 * articles. Each call is one read-only transaction.
 */
public class PageService {

    private final SessionFactory sessionFactory;
    private final Clock clock;

    public PageService(SessionFactory sessionFactory, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.clock = clock;
    }

    /** The published page with this slug in this language, if any. */
    public Optional<PageView> bySlug(Language language, String slug) {
        if (!TextRules.isPrintableAscii(slug)) {
            return Optional.empty();
        }
        return sessionFactory.fromTransaction(session -> {
            ArticleTranslation t = ArticleService.visible(session, ArticleService.FETCH
                            + " where t.language = :lang and t.slug = :slug and " + ArticleService.VISIBLE,
                    ArticleTranslation.class, language, clock, ArticleKind.PAGE)
                    .setParameter("slug", slug).getSingleResultOrNull();
            if (t == null) {
                return Optional.empty();
            }
            ArticleTranslation other = ArticleService.visible(session, ArticleService.FETCH
                            + " where t.language = :lang and t.article = :article and " + ArticleService.VISIBLE,
                    ArticleTranslation.class, language.other(), clock, ArticleKind.PAGE)
                    .setParameter("article", t.getArticle()).getSingleResultOrNull();
            return Optional.of(new PageView(t.getArticle().getKey(), language, t.getSlug(), t.getTitle(),
                    t.getSummary(), t.getBodyHtml(), t.getUpdatedAt(), other == null ? null : other.getSlug(),
                    t.getReviewed(), t.getReviewBy(), List.copyOf(t.getSources())));
        });
    }

    /** Every published page in a language, by title. */
    public List<PageSummary> published(Language language) {
        return sessionFactory.fromTransaction(session -> ArticleService.visible(session, ArticleService.FETCH
                                + " where t.language = :lang and " + ArticleService.VISIBLE + " order by t.title",
                        ArticleTranslation.class, language, clock, ArticleKind.PAGE)
                .getResultList().stream()
                .map(t -> new PageSummary(t.getArticle().getKey(), language, t.getSlug(), t.getTitle()))
                .toList());
    }

    /** Every published page with its published languages, for the sitemap. */
    public List<SitemapEntry> sitemap() {
        return sessionFactory.fromTransaction(session -> ArticleService.sitemap(session, clock, ArticleKind.PAGE));
    }
}
