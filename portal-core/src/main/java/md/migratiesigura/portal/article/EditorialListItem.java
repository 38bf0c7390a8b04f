package md.migratiesigura.portal.article;

import java.io.Serializable;
import java.time.Instant;
import md.migratiesigura.portal.common.Language;

/** One row of the editors' article list: the article and a badge per language (null when that language is missing). */
public record EditorialListItem(String key, String categoryKey, Instant updatedAt, TranslationBadge ro,
                                TranslationBadge ru) implements Serializable {

    public TranslationBadge in(Language language) {
        return language == Language.RO ? ro : ru;
    }
}
