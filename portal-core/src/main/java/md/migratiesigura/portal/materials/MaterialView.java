package md.migratiesigura.portal.materials;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import md.migratiesigura.portal.common.Language;

/** A material as pages show it; {@code files} in the order Romanian, Russian, only the languages it has. */
public record MaterialView(long id, String key, MaterialDraft texts, boolean retired, boolean bundled,
                           List<MaterialFile> files, Instant updated) implements Serializable {

    public String title(Language language) {
        return texts.title(language);
    }

    public String description(Language language) {
        return texts.description(language);
    }

    public String topic() {
        return texts.topic();
    }

    public Audience audience() {
        return texts.audience();
    }

    public Optional<MaterialFile> file(Language language) {
        return files.stream().filter(f -> f.language() == language).findFirst();
    }
}
