package md.migratiesigura.portal.article;

import java.util.List;
import java.util.function.Consumer;
import md.migratiesigura.portal.content.MarkdownRenderer;
import md.migratiesigura.portal.search.SearchDocument;
import md.migratiesigura.portal.search.SearchSource;
import org.hibernate.SessionFactory;

/**
 * Published and scheduled article translations; drafts, articles in review and unpublished ones are never indexed.
 * Pages are a source of their own ({@link #pages}), of type {@value #PAGE_TYPE}, so that a hit knows its address.
 */
public final class ArticleSearchSource implements SearchSource {

    public static final String TYPE = "article";
    public static final String PAGE_TYPE = "page";
    private static final String INDEXABLE = "from ArticleTranslation t join fetch t.article a left join fetch a.category"
            + " where t.status in (:published, :scheduled) and t.publishedAt is not null and a.kind = :kind";

    private final SessionFactory sessionFactory;
    private final MarkdownRenderer markdown;
    private final ArticleKind kind;

    /** The articles. */
    public ArticleSearchSource(SessionFactory sessionFactory, MarkdownRenderer markdown) {
        this(sessionFactory, markdown, ArticleKind.ARTICLE);
    }

    private ArticleSearchSource(SessionFactory sessionFactory, MarkdownRenderer markdown, ArticleKind kind) {
        this.sessionFactory = sessionFactory;
        this.markdown = markdown;
        this.kind = kind;
    }

    /** The pages. */
    public static ArticleSearchSource pages(SessionFactory sessionFactory, MarkdownRenderer markdown) {
        return new ArticleSearchSource(sessionFactory, markdown, ArticleKind.PAGE);
    }

    /** The search type, and outbox type, of an article or page. */
    static String type(Article article) {
        return article.isPage() ? PAGE_TYPE : TYPE;
    }

    @Override
    public String type() {
        return kind == ArticleKind.PAGE ? PAGE_TYPE : TYPE;
    }

    @Override
    public List<SearchDocument> documents(String key) {
        return sessionFactory.fromTransaction(session -> session.createSelectionQuery(INDEXABLE + " and a.key = :key",
                        ArticleTranslation.class)
                .setParameter("published", ArticleStatus.PUBLISHED)
                .setParameter("scheduled", ArticleStatus.SCHEDULED)
                .setParameter("key", key)
                .setParameter("kind", kind)
                .setReadOnly(true)
                .getResultList()
                .stream().map(this::document).toList());
    }

    /**
     * Reads in short transactions of {@value #BATCH} translations by id: one long ordered read of every body made
     * MariaDB copy them all into a temporary table on disk.
     */
    @Override
    public void forEach(Consumer<SearchDocument> consumer) {
        long after = 0;
        while (true) {
            long from = after;
            List<ArticleTranslation> batch = sessionFactory.fromTransaction(session -> {
                List<ArticleTranslation> translations = session.createSelectionQuery(
                                INDEXABLE + " and t.id > :after order by t.id", ArticleTranslation.class)
                        .setParameter("published", ArticleStatus.PUBLISHED)
                        .setParameter("scheduled", ArticleStatus.SCHEDULED)
                        .setParameter("after", from)
                        .setParameter("kind", kind)
                        .setMaxResults(BATCH)
                        .setReadOnly(true)
                        .getResultList();
                translations.forEach(t -> consumer.accept(document(t)));
                return translations;
            });
            if (batch.size() < BATCH) {
                return;
            }
            after = batch.get(batch.size() - 1).getId();
        }
    }

    private static final int BATCH = 500;

    private SearchDocument document(ArticleTranslation t) {
        return new SearchDocument(type(), t.getArticle().getKey(), t.getLanguage(), t.getSlug(), t.getTitle(),
                t.getSummary(), markdown.toPlainText(t.getBodyMarkdown()),
                t.getArticle().getCategory() == null ? null : t.getArticle().getCategory().getKey(), t.getPublishedAt());
    }
}
