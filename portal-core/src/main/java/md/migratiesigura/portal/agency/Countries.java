package md.migratiesigura.portal.agency;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import md.migratiesigura.portal.common.Language;

/**
 * Destination countries as ISO 3166 alpha-2 codes, recognised from what people type in Romanian, Russian or English
 * (the names the JDK's CLDR data gives, plus the everyday names it lacks) or from the code itself.
 */
public final class Countries {

    private static final Locale[] NAME_LOCALES = {Language.RO.locale(), Language.RU.locale(), Locale.ENGLISH};

    /** Everyday names that differ from CLDR's official ones. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("marea britanie", "GB"), Map.entry("anglia", "GB"), Map.entry("великобритания", "GB"),
            Map.entry("англия", "GB"), Map.entry("olanda", "NL"), Map.entry("голландия", "NL"),
            Map.entry("sua", "US"), Map.entry("america", "US"), Map.entry("сша", "US"), Map.entry("америка", "US"),
            Map.entry("coreea", "KR"), Map.entry("корея", "KR"), Map.entry("южная корея", "KR"),
            Map.entry("turkiye", "TR"), Map.entry("emiratele arabe", "AE"), Map.entry("эмираты", "AE"));

    private static final Map<String, String> BY_NAME = index();

    private Countries() {
    }

    private static Map<String, String> index() {
        Map<String, String> byName = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            for (Locale language : NAME_LOCALES) {
                byName.putIfAbsent(AgencyNames.fold(country.getDisplayCountry(language)), code);
            }
        }
        ALIASES.forEach((name, code) -> byName.put(AgencyNames.fold(name), code));
        return Map.copyOf(byName);
    }

    /** The code of a country typed as a name in Romanian, Russian or English, or as its two-letter code. */
    public static Optional<String> resolve(String typed) {
        String folded = AgencyNames.fold(typed);
        if (folded.matches("[a-z]{2}")) {
            String code = folded.toUpperCase(Locale.ROOT);
            return Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).contains(code)
                    ? Optional.of(code) : Optional.empty();
        }
        return Optional.ofNullable(BY_NAME.get(folded));
    }

    /** The country's name in a language: "Germania", "Германия". */
    public static String name(String code, Language language) {
        return new Locale("", code).getDisplayCountry(language.locale());
    }
}
