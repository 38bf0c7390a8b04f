package md.migratiesigura.portal.article;

import java.io.Serializable;
import java.time.LocalDate;
import md.migratiesigura.portal.common.Language;

/**
 * A language version that needs an editor's review: past its review-by date, without sources, or never checked
 * against them. {@code reviewBy} and {@code reviewed} are null when not set.
 */
public record ReviewItem(String key, Language language, String title, ArticleStatus status, LocalDate reviewBy,
                         LocalDate reviewed, int sources, boolean overdue) implements Serializable {

    public boolean unsourced() {
        return sources == 0;
    }

    public boolean neverReviewed() {
        return reviewed == null;
    }
}
