package md.migratiesigura.portal.report;

import java.io.Serializable;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import md.migratiesigura.portal.common.Language;

/**
 * What an administrator entered for a year: figures (absent when not known) and a summary per section and language.
 *
 * @param updatedAt null when nothing was ever saved for the year
 */
public record YearFigures(int year, Map<Figure, Long> values, Map<Figure.Section, Map<Language, String>> texts,
                          boolean published, Instant updatedAt) implements Serializable {

    public YearFigures {
        values = values.isEmpty() ? new EnumMap<>(Figure.class) : new EnumMap<>(values);
        EnumMap<Figure.Section, Map<Language, String>> copy = new EnumMap<>(Figure.Section.class);
        texts.forEach((section, byLanguage) -> copy.put(section, byLanguage.isEmpty()
                ? new EnumMap<>(Language.class) : new EnumMap<>(byLanguage)));
        texts = copy;
    }

    public static YearFigures empty(int year) {
        return new YearFigures(year, Map.of(), Map.of(), false, null);
    }

    /** The figure, or null when not entered. */
    public Long value(Figure figure) {
        return values.get(figure);
    }

    /** The section's summary in a language, or null. */
    public String text(Figure.Section section, Language language) {
        Map<Language, String> byLanguage = texts.get(section);
        return byLanguage == null ? null : byLanguage.get(language);
    }

    public boolean isEmpty() {
        return values.isEmpty() && texts.values().stream().allMatch(Map::isEmpty);
    }
}
