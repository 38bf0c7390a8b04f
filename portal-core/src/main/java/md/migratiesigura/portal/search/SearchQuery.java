package md.migratiesigura.portal.search;

import java.io.Serializable;
import java.util.Optional;
import md.migratiesigura.portal.common.Language;

/**
 * A search as a reader asks it.
 *
 * @param text          what was typed (validated by {@link SearchService})
 * @param language      the page's language
 * @param bothLanguages also search the other language
 * @param type          only this type ("article", "event"), or all
 * @param category      only this category key, or all
 * @param page          1-based
 */
public record SearchQuery(String text, Language language, boolean bothLanguages, Optional<String> type,
                          Optional<String> category, int page, int size) implements Serializable {

    public static SearchQuery of(String text, Language language) {
        return new SearchQuery(text, language, false, Optional.empty(), Optional.empty(), 1, 10);
    }
}
