package md.migratiesigura.portal.materials;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.content.ContentException;
import md.migratiesigura.portal.content.ContentFiles;
import md.migratiesigura.portal.content.FrontMatterDocument;
import md.migratiesigura.portal.content.ImportProblem;
import md.migratiesigura.portal.content.ImportReport;
import md.migratiesigura.portal.content.Slugs;
import md.migratiesigura.portal.content.Utf8;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Imports {@code content/materials/{key}.yml} with its files from {@code content/materials/files/} at every start
 * (docs/materials.md): the texts in both languages, the topic, the audience and a file per language, checked like an
 * upload. A material is stored again only when its file or one of its files changed; one an editor changed or
 * retired keeps what the editor did ({@link MaterialService#importBundled}). A malformed file is reported with its
 * name, the line at fault and the reason, and skipped.
 */
public final class MaterialImporter {

    private static final Logger log = LoggerFactory.getLogger(MaterialImporter.class);
    private static final Set<String> FIELDS = Set.of("ro", "ru", "topic", "audience", "files");

    private final MaterialService materials;

    public MaterialImporter(MaterialService materials) {
        this.materials = materials;
    }

    public ImportReport importFrom(Optional<Path> contentDir) {
        return contentDir.map(this::importFolder).orElseGet(() -> ContentFiles.withBundledContent(this::importFolder));
    }

    public ImportReport importFolder(Path root) {
        List<ImportProblem> problems = new ArrayList<>();
        int stored = 0;
        int unchanged = 0;
        for (Path file : ContentFiles.filesIn(root, "materials")) {
            String fileName = file.getFileName().toString();
            if (!fileName.endsWith(".yml")) {
                continue;
            }
            String name = root.relativize(file).toString();
            try {
                BundledMaterial material = parse(fileName.substring(0, fileName.length() - 4),
                        Files.readAllBytes(file), file.resolveSibling("files"));
                if (materials.isBundledCurrent(material.key(), material.sourceSha256())) {
                    unchanged++;
                } else {
                    materials.importBundled(material);
                    stored++;
                }
            } catch (ContentException e) {
                problems.add(new ImportProblem(name, e.line(), e.getMessage()));
            } catch (MaterialException e) {
                problems.add(new ImportProblem(name, 0, "refused: " + e.reason().name().toLowerCase().replace('_', ' ')));
            } catch (IOException e) {
                problems.add(new ImportProblem(name, 0, e.getMessage()));
            } catch (RuntimeException e) {
                problems.add(new ImportProblem(name, 0, "could not be saved: " + e.getMessage()));
            }
        }
        log.info("Material import: {} material(s) stored, {} unchanged, {} problem(s)", stored, unchanged,
                problems.size());
        problems.forEach(p -> log.warn("Material not imported: {}", p));
        return new ImportReport(stored, unchanged, problems);
    }

    /** Reads one material's file and the files it names; throws {@link ContentException} naming the line at fault. */
    BundledMaterial parse(String key, byte[] yamlBytes, Path filesDir) throws IOException {
        if (!Slugs.isValid(key) || key.length() > 100) {
            throw new ContentException(0, "the file name is the material's key and must be lowercase ASCII words"
                    + " joined by '-', at most 100 characters");
        }
        String text;
        try {
            text = Utf8.decode(yamlBytes);
        } catch (Utf8.NotUtf8Exception e) {
            throw new ContentException(e.line(), e.getMessage());
        }
        String yaml = text.startsWith("\ufeff") ? text.substring(1) : text;
        Node root;
        Object loaded;
        try {
            root = FrontMatterDocument.newYaml().compose(new StringReader(yaml));
            loaded = FrontMatterDocument.newYaml().load(yaml);
        } catch (MarkedYAMLException e) {
            throw new ContentException(e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0,
                    "invalid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            throw new ContentException(0, "invalid YAML: " + e.getMessage());
        }
        if (!(loaded instanceof Map<?, ?> fields) || !(root instanceof MappingNode mapping)) {
            throw new ContentException(1, "expected 'name: value' lines (ro, ru, topic, audience, files)");
        }
        for (Object field : fields.keySet()) {
            if (!FIELDS.contains(String.valueOf(field))) {
                throw new ContentException(line(mapping, String.valueOf(field)), "unknown field '" + field + "'");
            }
        }
        Map<?, ?> ro = map(fields, mapping, "ro", "{ title: \"…\", description: \"…\" }");
        Map<?, ?> ru = map(fields, mapping, "ru", "{ title: \"…\", description: \"…\" }");
        String audienceName = string(fields.get("audience"));
        Audience audience = Audience.ofParameter(audienceName).orElseThrow(() -> new ContentException(
                line(mapping, "audience"), "'audience' must be pupils, parents, job-seekers or professionals"));
        String topic = string(fields.get("topic"));
        if (topic == null || topic.isBlank()) {
            throw new ContentException(line(mapping, "topic"), "'topic' is required: a category key");
        }
        MaterialDraft texts = new MaterialDraft(string(ro.get("title")), string(ru.get("title")),
                string(ro.get("description")), string(ru.get("description")), topic, audience);

        MessageDigest source = sha256();
        source.update(yamlBytes);
        Map<Language, byte[]> files = new EnumMap<>(Language.class);
        for (Map.Entry<?, ?> entry : map(fields, mapping, "files", "{ ro: leaflet-ro.pdf, ru: leaflet-ru.pdf }")
                .entrySet()) {
            Language language = Language.ofCode(String.valueOf(entry.getKey())).orElseThrow(() ->
                    new ContentException(line(mapping, "files"), "'files' takes ro and ru, not '" + entry.getKey() + "'"));
            String fileName = string(entry.getValue());
            if (fileName == null || !fileName.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw new ContentException(line(mapping, "files"), "'files': '" + fileName
                        + "' must be a file name in materials/files/ (letters, digits, '.', '-', '_')");
            }
            Path file = filesDir.resolve(fileName);
            if (!Files.isRegularFile(file)) {
                throw new ContentException(line(mapping, "files"), "'files': materials/files/" + fileName + " is missing");
            }
            if (Files.size(file) > MaterialFiles.MAX_BYTES) {
                throw new ContentException(line(mapping, "files"), "'files': " + fileName + " is larger than 20 MB");
            }
            byte[] bytes = Files.readAllBytes(file);
            source.update(language.code().getBytes(StandardCharsets.US_ASCII));
            source.update(bytes);
            files.put(language, bytes);
        }
        if (files.isEmpty()) {
            throw new ContentException(line(mapping, "files"), "'files' needs a file in at least one language");
        }
        return new BundledMaterial(key, texts, HexFormat.of().formatHex(source.digest()), files);
    }

    private static Map<?, ?> map(Map<?, ?> fields, MappingNode mapping, String name, String example) {
        if (!(fields.get(name) instanceof Map<?, ?> map)) {
            throw new ContentException(line(mapping, name), "'" + name + "' is required: " + example);
        }
        return map;
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 1-based line of a top-level key, or 0. */
    private static int line(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                return scalar.getStartMark().getLine() + 1;
            }
        }
        return 0;
    }
}
