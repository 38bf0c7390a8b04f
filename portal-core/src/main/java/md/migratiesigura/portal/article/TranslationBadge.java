package md.migratiesigura.portal.article;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A language version in a list: its title and where it stands.
 *
 * @param reviewOverdue its review-by date has passed
 * @param publishedLate it was published at start, after its scheduled time had passed while the portal was down
 */
public record TranslationBadge(String title, ArticleStatus status, Instant publishAt, LocalDate reviewBy,
                               boolean reviewOverdue, boolean publishedLate) implements Serializable {
}
