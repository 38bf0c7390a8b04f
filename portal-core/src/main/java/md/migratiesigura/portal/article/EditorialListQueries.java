package md.migratiesigura.portal.article;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.PortalTime;
import md.migratiesigura.portal.common.ResultPage;
import org.hibernate.SessionFactory;
import org.hibernate.query.SelectionQuery;

/** The editors' list of articles: filtered, paged, each with a badge per language version. */
public class EditorialListQueries {

    /** The longest title search that is looked for; what is typed beyond it is ignored. */
    public static final int MAX_SEARCH = 200;

    private final SessionFactory sessionFactory;
    private final Clock clock;

    public EditorialListQueries(SessionFactory sessionFactory, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.clock = clock;
    }

    /**
     * One page of articles for editors, most recently changed first.
     *
     * @param page 1-based
     */
    public ResultPage<EditorialListItem> list(EditorialFilter filter, int page, int size) {
        return list(filter, page, size, ArticleKind.ARTICLE);
    }

    /** Every page (not article), with both its language versions, most recently changed first. */
    public List<EditorialListItem> pages() {
        return list(EditorialFilter.ALL, 1, MAX_PAGES, ArticleKind.PAGE).items();
    }

    private static final int MAX_PAGES = 500;

    private ResultPage<EditorialListItem> list(EditorialFilter filter, int page, int size, ArticleKind kind) {
        StringBuilder where = new StringBuilder(" where exists (select 1 from ArticleTranslation t where t.article = a");
        if (filter.status() != null) {
            where.append(" and t.status = :status");
        }
        if (filter.language() != null) {
            where.append(" and t.language = :lang");
        }
        if (filter.overdueReview()) {
            where.append(" and t.reviewBy < :today");
        }
        String text = filter.text() == null ? "" : filter.text().strip();
        if (text.length() > MAX_SEARCH) {
            text = text.substring(0, MAX_SEARCH);
        }
        if (!text.isEmpty()) {
            where.append(" and t.title like :text escape '!'");
        }
        where.append(") and a.kind = :kind");
        if (filter.categoryKey() != null) {
            where.append(" and a.category.key = :category");
        }
        String pattern = "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        boolean searching = !text.isEmpty();
        return sessionFactory.fromTransaction(session -> {
            Function<SelectionQuery<?>, SelectionQuery<?>> bind = q -> {
                q.setParameter("kind", kind);
                if (filter.status() != null) {
                    q.setParameter("status", filter.status());
                }
                if (filter.language() != null) {
                    q.setParameter("lang", filter.language());
                }
                if (filter.overdueReview()) {
                    q.setParameter("today", today());
                }
                if (searching) {
                    q.setParameter("text", pattern);
                }
                if (filter.categoryKey() != null) {
                    q.setParameter("category", filter.categoryKey());
                }
                return q;
            };
            var count = session.createSelectionQuery("select count(a) from Article a" + where, Long.class);
            var items = session.createSelectionQuery("select a from Article a left join fetch a.category" + where
                    + " order by (select max(u.updatedAt) from ArticleTranslation u where u.article = a) desc, a.id desc",
                    Article.class);
            bind.apply(count);
            bind.apply(items);
            List<EditorialListItem> list = items.setFirstResult((page - 1) * size).setMaxResults(size)
                    .setReadOnly(true).getResultList().stream().map(this::listItem).toList();
            return new ResultPage<>(count.getSingleResult(), page, size, list);
        });
    }

    /**
     * Every language version past its review-by date, without sources or without a review date: the overdue ones
     * first, the longest overdue at the top, then the others by article key.
     */
    public List<ReviewItem> reviewDue() {
        LocalDate today = today();
        return sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "select a.key, t.language, t.title, t.status, t.reviewBy, t.reviewed, size(t.sources)"
                                + " from ArticleTranslation t join t.article a" + REVIEW_DUE, Object[].class)
                .setParameter("today", today)
                .getResultList().stream()
                .map(r -> new ReviewItem((String) r[0], (Language) r[1], (String) r[2], (ArticleStatus) r[3],
                        (LocalDate) r[4], (LocalDate) r[5], ((Number) r[6]).intValue(),
                        r[4] != null && ((LocalDate) r[4]).isBefore(today)))
                .sorted(Comparator.comparing((ReviewItem i) -> !i.overdue())
                        .thenComparing(i -> i.overdue() ? i.reviewBy() : LocalDate.MIN)
                        .thenComparing(ReviewItem::key).thenComparing(ReviewItem::language))
                .toList());
    }

    /** How many language versions {@link #reviewDue()} lists, for the dashboard. */
    public long reviewDueCount() {
        return sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "select count(t) from ArticleTranslation t" + REVIEW_DUE, Long.class)
                .setParameter("today", today()).getSingleResult());
    }

    private static final String REVIEW_DUE = " where t.reviewBy < :today or t.reviewed is null or t.sources is empty";

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), PortalTime.ZONE);
    }

    private EditorialListItem listItem(Article a) {
        Map<Language, TranslationBadge> badges = new EnumMap<>(Language.class);
        Instant updated = a.getUpdatedAt();
        for (ArticleTranslation t : a.getTranslations()) {
            badges.put(t.getLanguage(), new TranslationBadge(t.getTitle(), t.getStatus(), t.getPublishedAt(),
                    t.getReviewBy(), t.getReviewBy() != null && t.getReviewBy().isBefore(today()), t.isPublishedLate()));
            updated = t.getUpdatedAt().isAfter(updated) ? t.getUpdatedAt() : updated;
        }
        return new EditorialListItem(a.getKey(), a.getCategory() == null ? null : a.getCategory().getKey(), updated,
                badges.get(Language.RO), badges.get(Language.RU));
    }
}
