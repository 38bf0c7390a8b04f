package md.migratiesigura.portal.consultation;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Topic} as its stable code. */
@Converter
public class TopicConverter implements AttributeConverter<Topic, String> {

    @Override
    public String convertToDatabaseColumn(Topic topic) {
        return topic == null ? null : topic.code();
    }

    @Override
    public Topic convertToEntityAttribute(String code) {
        return code == null ? null : Topic.ofCode(code)
                .orElseThrow(() -> new IllegalStateException("unknown consultation topic in the database: " + code));
    }
}
