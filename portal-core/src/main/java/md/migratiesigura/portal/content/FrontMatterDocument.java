package md.migratiesigura.portal.content;

import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/** A Markdown file with a YAML front matter between two {@code ---} lines. */
public record FrontMatterDocument(Map<String, Object> fields, String body) {

    /** Parses the text; a malformed file throws {@link ContentException} with the line at fault. */
    public static FrontMatterDocument parse(String text) {
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
    public static Map<String, Object> parseYamlMap(String yaml, int lineOffset) {
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

    public static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(2 * 1024 * 1024);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new NoTimestampResolver());
    }

    /**
     * YAML's implicit timestamps are lenient (2026-02-30 becomes 2 March) and drop the zone: dates stay strings
     * here and are parsed strictly, in Europe/Chisinau, by the importer.
     */
    private static final class NoTimestampResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
