package md.migratiesigura.portal.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.ResultPage;
import md.migratiesigura.portal.content.TextRules;
import md.migratiesigura.portal.media.ImageService;
import md.migratiesigura.portal.search.ContentVersion;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.query.SelectionQuery;

/**
 * Published articles (not pages: see {@link PageService}) for the public site. Each call is one read-only
 * transaction.
 */
public class ArticleService {

    /** Visible to the public: published, or scheduled for a time that has come (never hidden by a late job). */
    static final String VISIBLE = "t.status in (:published, :scheduled) and t.publishedAt <= :now"
            + " and t.article.kind = :kind";
    static final String FETCH = "from ArticleTranslation t join fetch t.article a left join fetch a.category";
    private static final String NEWEST_FIRST = " order by t.publishedAt desc, t.id desc";

    private final SessionFactory sessionFactory;
    private final Clock clock;

    public ArticleService(SessionFactory sessionFactory, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.clock = clock;
    }

    /** The newest published articles in a language, newest first. */
    public List<ArticleSummary> latest(Language language, int limit) {
        return sessionFactory.fromTransaction(session ->
                summaries(visible(session, FETCH + " where t.language = :lang and " + VISIBLE + NEWEST_FIRST,
                        ArticleTranslation.class, language).setMaxResults(limit)));
    }

    /**
     * One page of the published articles in a language, by category or tag or all, newest first.
     *
     * @param page 1-based page number
     */
    public ResultPage<ArticleSummary> published(Language language, ArticleFilter filter, int page, int size) {
        String where = " where t.language = :lang and " + VISIBLE
                + (filter.category().isPresent() ? " and a.category.key = :category" : "")
                + (filter.tag().isPresent() ? " and :tag member of t.tags" : "");
        return sessionFactory.fromTransaction(session -> {
            var count = visible(session, "select count(t) from ArticleTranslation t join t.article a" + where, Long.class, language);
            var items = visible(session, FETCH + where + NEWEST_FIRST, ArticleTranslation.class, language);
            for (SelectionQuery<?> query : List.of(count, items)) {
                filter.category().ifPresent(c -> query.setParameter("category", c));
                filter.tag().ifPresent(tag -> query.setParameter("tag", tag));
            }
            List<ArticleSummary> list = summaries(items.setFirstResult((page - 1) * size).setMaxResults(size));
            return new ResultPage<>(count.getSingleResult(), page, size, list);
        });
    }

    /**
     * The review date and sources of the published language versions of these articles, by article key; an article
     * not published in the language is absent. For lists such as the API's, one query for a whole page.
     */
    public Map<String, ArticleReview> reviews(Language language, Collection<String> keys) {
        if (keys.isEmpty() || !keys.stream().allMatch(TextRules::isPrintableAscii)) {
            return Map.of();
        }
        return sessionFactory.fromTransaction(session -> {
            Map<String, ArticleReview> reviews = new LinkedHashMap<>();
            visible(session, "select distinct t from ArticleTranslation t join fetch t.article a left join fetch t.sources"
                    + " where t.language = :lang and a.key in (:keys) and " + VISIBLE, ArticleTranslation.class, language)
                    .setParameter("keys", keys)
                    .getResultList()
                    .forEach(t -> reviews.put(t.getArticle().getKey(),
                            new ArticleReview(t.getReviewed(), List.copyOf(t.getSources()))));
            return reviews;
        });
    }

    /** Published articles of the same category as the given one, newest first, without it. */
    public List<ArticleSummary> related(Language language, String articleKey, String categoryKey, int limit) {
        if (categoryKey == null) {
            return List.of();
        }
        return sessionFactory.fromTransaction(session -> summaries(visible(session, FETCH
                        + " where t.language = :lang and " + VISIBLE + " and a.category.key = :category and a.key <> :key"
                        + NEWEST_FIRST, ArticleTranslation.class, language)
                .setParameter("category", categoryKey)
                .setParameter("key", articleKey)
                .setMaxResults(limit)));
    }

    /**
     * All categories in their editorial order, named in the language. They change only with the content folder's
     * import, so they are read once and again only when the published content moves or after a few minutes (a
     * category added by another node's start).
     */
    public List<CategoryView> categories(Language language) {
        CategoryNames names = categories;
        Instant now = clock.instant();
        if (names == null || names.version() != ContentVersion.current() || !now.isBefore(names.until())) {
            long version = ContentVersion.current();
            names = new CategoryNames(version, now.plus(CATEGORIES_KEPT),
                    sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                                    "from Category c order by c.position, c.key", Category.class)
                            .setReadOnly(true)
                            .getResultList().stream()
                            .map(c -> Map.of(Language.RO, new CategoryView(c.getKey(), c.name(Language.RO)),
                                    Language.RU, new CategoryView(c.getKey(), c.name(Language.RU))))
                            .toList()));
            categories = names;
        }
        return names.categories().stream().map(c -> c.get(language)).toList();
    }

    private static final Duration CATEGORIES_KEPT = Duration.ofMinutes(5);
    private volatile CategoryNames categories;

    private record CategoryNames(long version, Instant until, List<Map<Language, CategoryView>> categories) {
    }

    /** The category with this key, named in the language. */
    public Optional<CategoryView> category(Language language, String key) {
        return sessionFactory.fromTransaction(session -> Optional.ofNullable(
                        session.bySimpleNaturalId(Category.class).load(key))
                .map(c -> new CategoryView(c.getKey(), c.name(language))));
    }

    /** How many articles are published in a language. */
    public long countPublished(Language language) {
        return sessionFactory.fromTransaction(session -> visible(session,
                "select count(t) from ArticleTranslation t where t.language = :lang and " + VISIBLE, Long.class, language)
                .getSingleResult());
    }

    /** The published article with this slug in this language, if any. */
    public Optional<ArticleView> bySlug(Language language, String slug) {
        if (!TextRules.isPrintableAscii(slug)) {
            return Optional.empty();
        }
        return sessionFactory.fromTransaction(session -> {
            ArticleTranslation t = visible(session, FETCH + " where t.language = :lang and t.slug = :slug and " + VISIBLE,
                    ArticleTranslation.class, language).setParameter("slug", slug).getSingleResultOrNull();
            if (t == null) {
                return Optional.empty();
            }
            ArticleTranslation other = visible(session, FETCH + " where t.language = :lang and t.article = :article and "
                    + VISIBLE, ArticleTranslation.class, language.other())
                    .setParameter("article", t.getArticle()).getSingleResultOrNull();
            Category category = t.getArticle().getCategory();
            return Optional.of(new ArticleView(t.getArticle().getKey(), language, t.getSlug(), t.getTitle(),
                    t.getSummary(), t.getBodyHtml(), t.getPublishedAt(), t.getUpdatedAt(), t.getReadingMinutes(),
                    category == null ? null : category.getKey(),
                    category == null ? null : category.name(language),
                    t.getTags().stream().sorted().toList(),
                    other == null ? null : other.getSlug(),
                    ImageService.cover(session, t.getCoverImage()), t.getCoverAlt(), t.getReviewed(), t.getReviewBy(),
                    List.copyOf(t.getSources())));
        });
    }

    /** Every published article with its published languages, for the sitemap. */
    public List<SitemapEntry> sitemap() {
        return sessionFactory.fromTransaction(session -> sitemap(session, clock, ArticleKind.ARTICLE));
    }

    /** Every published article or page of a kind with its published languages, for the sitemap. */
    static List<SitemapEntry> sitemap(Session session, Clock clock, ArticleKind kind) {
        List<Object[]> rows = session.createSelectionQuery(
                        "select a.key, t.language, t.slug, t.updatedAt from ArticleTranslation t join t.article a"
                                + " where " + VISIBLE + " order by a.key", Object[].class)
                .setParameter("published", ArticleStatus.PUBLISHED)
                .setParameter("scheduled", ArticleStatus.SCHEDULED)
                .setParameter("now", clock.instant())
                .setParameter("kind", kind)
                .getResultList();
        Map<String, Map<Language, String>> slugs = new LinkedHashMap<>();
        Map<String, Instant> modified = new LinkedHashMap<>();
        for (Object[] row : rows) {
            String key = (String) row[0];
            slugs.computeIfAbsent(key, k -> new EnumMap<>(Language.class)).put((Language) row[1], (String) row[2]);
            modified.merge(key, (Instant) row[3], (x, y) -> x.isAfter(y) ? x : y);
        }
        return slugs.entrySet().stream()
                .map(e -> new SitemapEntry(e.getKey(), e.getValue(), modified.get(e.getKey())))
                .toList();
    }

    private <T> SelectionQuery<T> visible(Session session, String hql, Class<T> type, Language language) {
        return visible(session, hql, type, language, clock, ArticleKind.ARTICLE);
    }

    /** A query of a kind's visible translations, with the visibility parameters and the language already set. */
    static <T> SelectionQuery<T> visible(Session session, String hql, Class<T> type, Language language, Clock clock,
                                         ArticleKind kind) {
        SelectionQuery<T> query = session.createSelectionQuery(hql, type)
                .setParameter("kind", kind)
                .setParameter("lang", language)
                .setParameter("published", ArticleStatus.PUBLISHED)
                .setParameter("scheduled", ArticleStatus.SCHEDULED)
                .setParameter("now", clock.instant());
        return type == ArticleTranslation.class ? query.setReadOnly(true) : query;
    }

    private static List<ArticleSummary> summaries(SelectionQuery<ArticleTranslation> query) {
        return query.getResultList().stream().map(ArticleService::summary).toList();
    }

    private static ArticleSummary summary(ArticleTranslation t) {
        Category category = t.getArticle().getCategory();
        return new ArticleSummary(t.getArticle().getKey(), t.getLanguage(), t.getSlug(), t.getTitle(), t.getSummary(),
                t.getPublishedAt(), category == null ? null : category.getKey(),
                category == null ? null : category.name(t.getLanguage()), t.getReadingMinutes(),
                t.getTags().stream().sorted().toList());
    }
}
