package md.migratiesigura.portal.article;

import java.io.Serializable;
import java.time.Instant;
import md.migratiesigura.portal.common.Language;

/**
 * A published page as a reader sees it. {@code bodyHtml} is already sanitized; {@code otherLanguageSlug} is null when
 * the other language has no published version.
 */
public record PageView(String key, Language language, String slug, String title, String summary, String bodyHtml,
                       Instant updatedAt, String otherLanguageSlug) implements Serializable {
}
