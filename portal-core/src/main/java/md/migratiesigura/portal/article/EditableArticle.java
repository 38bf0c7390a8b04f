package md.migratiesigura.portal.article;

import java.io.Serializable;
import md.migratiesigura.portal.common.Language;

/**
 * An article or page with both its language versions as the editor loads them; a missing language is null.
 *
 * @param page whether it is a page (undated, at {@code /ro/{slug}}, without category, tags or cover)
 */
public record EditableArticle(String key, String categoryKey, EditableTranslation ro, EditableTranslation ru,
                              boolean page) implements Serializable {

    public EditableTranslation in(Language language) {
        return language == Language.RO ? ro : ru;
    }
}
