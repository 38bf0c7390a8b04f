package md.migratiesigura.portal.materials;

import java.io.Serializable;
import md.migratiesigura.portal.common.Language;

/** What an editor types for a material: titles and descriptions in both languages, its topic and audience. */
public record MaterialDraft(String titleRo, String titleRu, String descriptionRo, String descriptionRu, String topic,
                            Audience audience) implements Serializable {

    public String title(Language language) {
        return language == Language.RO ? titleRo : titleRu;
    }

    public String description(Language language) {
        return language == Language.RO ? descriptionRo : descriptionRu;
    }
}
