package md.migratiesigura.portal.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import md.migratiesigura.portal.domain.ArticleStatus;
import md.migratiesigura.portal.domain.ArticleTranslation;
import md.migratiesigura.portal.domain.Category;
import md.migratiesigura.portal.domain.Language;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/** Published articles for the public site. Each call is one read-only transaction. */
public class ArticleService {

    /** Visible to the public: published, or scheduled for a time that has come (never hidden by a late job). */
    private static final String VISIBLE = "t.status in (:published, :scheduled) and t.publishedAt <= :now";

    private final SessionFactory sessionFactory;
    private final Clock clock;

    public ArticleService(SessionFactory sessionFactory, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.clock = clock;
    }

    /** The newest published articles in a language, newest first. */
    public List<ArticleSummary> latest(Language language, int limit) {
        return sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "from ArticleTranslation t join fetch t.article a left join fetch a.category"
                                + " where t.language = :lang and " + VISIBLE
                                + " order by t.publishedAt desc, t.id desc", ArticleTranslation.class)
                .setParameter("lang", language)
                .setParameter("published", ArticleStatus.PUBLISHED)
                .setParameter("scheduled", ArticleStatus.SCHEDULED)
                .setParameter("now", clock.instant())
                .setMaxResults(limit)
                .setReadOnly(true)
                .getResultList()
                .stream()
                .map(ArticleService::summary)
                .toList());
    }

    /**
     * One page of the published articles in a language, optionally of one category, newest first.
     *
     * @param page 1-based page number
     */
    public ResultPage<ArticleSummary> published(Language language, Optional<String> category, int page, int size) {
        String where = " where t.language = :lang and " + VISIBLE + (category.isPresent() ? " and a.category.key = :category" : "");
        return sessionFactory.fromTransaction(session -> {
            var count = session.createSelectionQuery("select count(t) from ArticleTranslation t join t.article a" + where, Long.class);
            var items = session.createSelectionQuery("from ArticleTranslation t join fetch t.article a left join fetch a.category"
                    + where + " order by t.publishedAt desc, t.id desc", ArticleTranslation.class);
            for (var query : List.of(count, items)) {
                query.setParameter("lang", language)
                        .setParameter("published", ArticleStatus.PUBLISHED)
                        .setParameter("scheduled", ArticleStatus.SCHEDULED)
                        .setParameter("now", clock.instant());
                category.ifPresent(c -> query.setParameter("category", c));
            }
            List<ArticleSummary> list = items.setFirstResult((page - 1) * size).setMaxResults(size).setReadOnly(true)
                    .getResultList().stream().map(ArticleService::summary).toList();
            return new ResultPage<>(count.getSingleResult(), page, size, list);
        });
    }

    /** All categories in their editorial order, named in the language. */
    public List<CategoryView> categories(Language language) {
        return sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "from Category c order by c.position, c.key", Category.class)
                .setReadOnly(true)
                .getResultList().stream()
                .map(c -> new CategoryView(c.getKey(), c.name(language)))
                .toList());
    }

    /** How many articles are published in a language. */
    public long countPublished(Language language) {
        return sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "select count(t) from ArticleTranslation t where t.language = :lang and " + VISIBLE, Long.class)
                .setParameter("lang", language)
                .setParameter("published", ArticleStatus.PUBLISHED)
                .setParameter("scheduled", ArticleStatus.SCHEDULED)
                .setParameter("now", clock.instant())
                .getSingleResult());
    }

    /** The published article with this slug in this language, if any. */
    public Optional<ArticleView> bySlug(Language language, String slug) {
        return sessionFactory.fromTransaction(session -> {
            ArticleTranslation t = visible(session, language, "t.slug = :key", slug);
            if (t == null) {
                return Optional.empty();
            }
            ArticleTranslation other = visible(session, language.other(), "t.article = :key", t.getArticle());
            Category category = t.getArticle().getCategory();
            return Optional.of(new ArticleView(t.getArticle().getKey(), language, t.getSlug(), t.getTitle(),
                    t.getSummary(), t.getBodyHtml(), t.getPublishedAt(), t.getUpdatedAt(), t.getReadingMinutes(),
                    category == null ? null : category.getKey(),
                    category == null ? null : category.name(language),
                    t.getTags().stream().sorted().toList(),
                    other == null ? null : other.getSlug()));
        });
    }

    /** The visible translation in a language matching {@code condition}, which compares something to {@code :key}. */
    private ArticleTranslation visible(Session session, Language language, String condition, Object key) {
        return session.createSelectionQuery("from ArticleTranslation t join fetch t.article a left join fetch a.category"
                        + " where t.language = :lang and " + condition + " and " + VISIBLE, ArticleTranslation.class)
                .setParameter("lang", language)
                .setParameter("key", key)
                .setParameter("published", ArticleStatus.PUBLISHED)
                .setParameter("scheduled", ArticleStatus.SCHEDULED)
                .setParameter("now", clock.instant())
                .setReadOnly(true)
                .getSingleResultOrNull();
    }

    private static ArticleSummary summary(ArticleTranslation t) {
        Category category = t.getArticle().getCategory();
        return new ArticleSummary(t.getArticle().getKey(), t.getLanguage(), t.getSlug(), t.getTitle(), t.getSummary(),
                t.getPublishedAt(), category == null ? null : category.getKey(),
                category == null ? null : category.name(t.getLanguage()), t.getReadingMinutes(),
                t.getTags().stream().sorted().toList());
    }
}
