package md.migratiesigura.portal.service;

import java.io.Serializable;
import md.migratiesigura.portal.domain.Language;

/** An article with both its language versions as the editor loads them; a missing language is null. */
public record EditableArticle(String key, String categoryKey, EditableTranslation ro, EditableTranslation ru)
        implements Serializable {

    public EditableTranslation in(Language language) {
        return language == Language.RO ? ro : ru;
    }
}
