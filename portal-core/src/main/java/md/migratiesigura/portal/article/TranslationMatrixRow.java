package md.migratiesigura.portal.article;

import java.io.Serializable;
import md.migratiesigura.portal.common.Language;

/** One article in the translation matrix: a title to recognise it by and the state of each language. */
public record TranslationMatrixRow(String key, String title, TranslationState ro, TranslationState ru)
        implements Serializable {

    public TranslationState in(Language language) {
        return language == Language.RO ? ro : ru;
    }
}
