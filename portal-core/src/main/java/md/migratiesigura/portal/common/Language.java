package md.migratiesigura.portal.common;

import java.util.Locale;
import java.util.Optional;

/** The portal's two languages. Romanian is the default. */
public enum Language {
    RO("ro"),
    RU("ru");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code used in URLs and {@code <html lang>}. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    public Language other() {
        return this == RO ? RU : RO;
    }

    /** The language of a code such as {@code "ro"}; empty for anything else. */
    public static Optional<Language> ofCode(String code) {
        for (Language language : values()) {
            if (language.code.equals(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
