package md.migratiesigura.portal.article;

import java.io.Serializable;
import md.migratiesigura.portal.common.Language;

/**
 * Narrows the editors' article list. Null fields do not narrow. Status, language, overdue review and text apply to
 * one language version (an article is listed when one of its versions matches them all); category to the article.
 *
 * @param overdueReview only versions whose review-by date has passed
 * @param text          words in the title (case and diacritics ignored)
 */
public record EditorialFilter(ArticleStatus status, Language language, String categoryKey, boolean overdueReview,
                              String text) implements Serializable {

    public static final EditorialFilter ALL = new EditorialFilter(null, null, null, false, null);
}
