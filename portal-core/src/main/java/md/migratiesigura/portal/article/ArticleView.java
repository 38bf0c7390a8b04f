package md.migratiesigura.portal.article;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.media.CoverImage;

/**
 * A published article as a reader sees it. {@code bodyHtml} is already sanitized; {@code otherLanguageSlug} is null
 * when the other language has no published version; {@code cover} is null when there is none, and then so is
 * {@code coverAlt}. {@code reviewed} (when its facts were last checked) and {@code reviewBy} (when they are to be
 * checked again) are null when not set; {@code sources} are in the editor's order.
 */
public record ArticleView(String key, Language language, String slug, String title, String summary, String bodyHtml,
                          Instant publishedAt, Instant updatedAt, int readingMinutes, String categoryKey,
                          String categoryName, List<String> tags, String otherLanguageSlug, CoverImage cover,
                          String coverAlt, LocalDate reviewed, LocalDate reviewBy, List<ArticleSource> sources)
        implements Serializable, Sourced {

    public ArticleView {
        tags = List.copyOf(tags);
        sources = List.copyOf(sources);
    }
}
