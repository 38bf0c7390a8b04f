package md.migratiesigura.portal.common;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Language} as its two-letter code, the same as in URLs. */
@Converter
public class LanguageConverter implements AttributeConverter<Language, String> {

    @Override
    public String convertToDatabaseColumn(Language language) {
        return language == null ? null : language.code();
    }

    @Override
    public Language convertToEntityAttribute(String code) {
        return code == null ? null : Language.ofCode(code)
                .orElseThrow(() -> new IllegalStateException("unknown language in database: " + code));
    }
}
