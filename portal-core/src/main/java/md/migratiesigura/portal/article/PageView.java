package md.migratiesigura.portal.article;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import md.migratiesigura.portal.common.Language;

/**
 * A published page as a reader sees it. {@code bodyHtml} is already sanitized; {@code otherLanguageSlug} is null when
 * the other language has no published version.
 */
public record PageView(String key, Language language, String slug, String title, String summary, String bodyHtml,
                       Instant updatedAt, String otherLanguageSlug, LocalDate reviewed, LocalDate reviewBy,
                       List<ArticleSource> sources) implements Serializable, Sourced {

    public PageView {
        sources = List.copyOf(sources);
    }
}
