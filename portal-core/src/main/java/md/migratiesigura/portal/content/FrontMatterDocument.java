package md.migratiesigura.portal.content;

import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** A Markdown file with a YAML front matter between two {@code ---} lines. */
record FrontMatterDocument(Map<String, Object> fields, String body) {

    /** Parses the text; a malformed file throws {@link ContentException} with the line at fault. */
    static FrontMatterDocument parse(String text) {
        String normalized = text.replace("\r\n", "\n");
        if (normalized.startsWith("\ufeff")) {
            normalized = normalized.substring(1);
        }
        if (!normalized.startsWith("---\n")) {
            throw new ContentException(1, "the file must start with a '---' line opening the front matter");
        }
        int end = normalized.indexOf("\n---", 3);
        if (end < 0) {
            throw new ContentException(1, "the front matter is not closed by a '---' line");
        }
        String yaml = normalized.substring(4, end + 1);
        int bodyStart = normalized.indexOf('\n', end + 1);
        String body = bodyStart < 0 ? "" : normalized.substring(bodyStart + 1);
        return new FrontMatterDocument(parseYamlMap(yaml, 1), body);
    }

    /** Parses a YAML mapping; {@code lineOffset} is added to the reported line numbers. */
    static Map<String, Object> parseYamlMap(String yaml, int lineOffset) {
        Object loaded;
        try {
            loaded = newYaml().load(yaml);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 + lineOffset : 0;
            throw new ContentException(line, "invalid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            throw new ContentException(0, "invalid YAML: " + e.getMessage());
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new ContentException(1 + lineOffset, "expected 'name: value' lines");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) map;
        return fields;
    }

    static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(2 * 1024 * 1024);
        return new Yaml(new SafeConstructor(options));
    }
}
