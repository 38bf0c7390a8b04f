package md.migratiesigura.portal.article;

import java.io.Serializable;
import java.time.Instant;

/** A revision in the list: its number (1 is the first), what made it, who and when. */
public record RevisionSummary(long id, int number, RevisionAction action, String authorEmail, Instant savedAt,
                              String title, ArticleStatus status) implements Serializable {
}
