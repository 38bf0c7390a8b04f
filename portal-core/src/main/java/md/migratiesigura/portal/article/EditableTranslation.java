package md.migratiesigura.portal.article;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.media.CoverImage;

/**
 * A language version as the editor loads it. {@code version} goes back with the next save: a save based on an older
 * version is a conflict, never a silent overwrite.
 *
 * @param publishAt when it is (or is to be) published; null for a draft never published
 * @param cover     the cover image, or null
 */
public record EditableTranslation(String key, Language language, int version, String title, String slug,
                                  String summary, String bodyMarkdown, String bodyHtml, String categoryKey,
                                  List<String> tags, ArticleStatus status, Instant publishAt, LocalDate reviewBy,
                                  CoverImage cover, String coverAlt, String authorEmail, Instant contentChangedAt,
                                  Instant updatedAt, boolean publishedLate, LocalDate reviewed,
                                  List<ArticleSource> sources) implements Serializable {

    public EditableTranslation {
        tags = List.copyOf(tags);
        sources = List.copyOf(sources);
    }

    /** The saved text as a draft, to fill the editor's form. */
    public ArticleDraft toDraft() {
        return new ArticleDraft(title, slug, summary, bodyMarkdown, categoryKey, String.join(", ", tags), reviewBy,
                cover == null ? null : cover.id(), coverAlt, false, reviewed, sources);
    }
}
