package md.migratiesigura.portal.article;

import java.io.Serializable;
import md.migratiesigura.portal.common.Language;

/** An article with both its language versions as the editor loads them; a missing language is null. */
public record EditableArticle(String key, String categoryKey, EditableTranslation ro, EditableTranslation ru)
        implements Serializable {

    public EditableTranslation in(Language language) {
        return language == Language.RO ? ro : ru;
    }
}
