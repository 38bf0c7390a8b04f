package md.migratiesigura.portal.event;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import md.migratiesigura.portal.content.ContentException;
import md.migratiesigura.portal.content.ContentFiles;
import md.migratiesigura.portal.content.FrontMatterDocument;
import md.migratiesigura.portal.content.ImportProblem;
import md.migratiesigura.portal.content.ImportReport;
import md.migratiesigura.portal.content.Slugs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Imports {@code content/events/{key}.yml} (spec §4) at every start: an event whose key (the file name) is not in
 * the database yet is created; one that exists is left as the trainers made it. A malformed file is reported with
 * its name, the line of the field at fault and the reason, and skipped.
 */
public final class EventImporter {

    private static final Logger log = LoggerFactory.getLogger(EventImporter.class);
    private static final Set<String> FIELDS = Set.of("type", "start", "end", "raion", "locality", "venue", "status",
            "participants", "materials", "audience", "partners", "ro", "ru");

    private final EventService events;

    public EventImporter(EventService events) {
        this.events = events;
    }

    public ImportReport importFrom(Optional<Path> contentDir) {
        if (contentDir.isPresent()) {
            return importFolder(contentDir.get());
        }
        return ContentFiles.withBundledContent(this::importFolder);
    }

    public ImportReport importFolder(Path root) {
        Path folder = root.resolve("events");
        List<ImportProblem> problems = new ArrayList<>();
        int created = 0;
        int unchanged = 0;
        if (Files.isDirectory(folder)) {
            Set<String> existing = events.keys();
            List<Path> files;
            try (Stream<Path> list = Files.list(folder)) {
                files = list.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
            } catch (IOException e) {
                files = List.of();
                problems.add(new ImportProblem("events", 0, e.getMessage()));
            }
            for (Path file : files) {
                String name = root.relativize(file).toString();
                String key = file.getFileName().toString().replaceFirst("\\.yml$", "");
                if (existing.contains(key)) {
                    unchanged++;
                    continue;
                }
                try {
                    if (importFile(key, ContentFiles.readUtf8(file))) {
                        created++;
                    } else {
                        unchanged++;
                    }
                } catch (ContentException e) {
                    problems.add(new ImportProblem(name, e.line(), e.getMessage()));
                } catch (IOException e) {
                    problems.add(new ImportProblem(name, 0, e.getMessage()));
                } catch (RuntimeException e) {
                    problems.add(new ImportProblem(name, 0, "could not be saved: " + e.getMessage()));
                }
            }
        }
        ImportReport report = new ImportReport(created, unchanged, problems);
        log.info("Event import: {} event(s) created, {} already present, {} problem(s)", created, unchanged,
                problems.size());
        problems.forEach(p -> log.warn("Event not imported: {}", p));
        return report;
    }

    /** Parses and creates one event; throws {@link ContentException} naming the line at fault. */
    boolean importFile(String key, String text) {
        if (!Slugs.isValid(key) || key.length() > 100) {
            throw new ContentException(0, "the file name is the event key and must be lowercase ASCII words joined by"
                    + " '-', at most 100 characters");
        }
        String yaml = text.startsWith("\ufeff") ? text.substring(1) : text;
        Node root;
        Object loaded;
        try {
            root = FrontMatterDocument.newYaml().compose(new StringReader(yaml));
            loaded = FrontMatterDocument.newYaml().load(yaml);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new ContentException(line, "invalid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            throw new ContentException(0, "invalid YAML: " + e.getMessage());
        }
        if (!(loaded instanceof Map<?, ?> fields) || !(root instanceof MappingNode mapping)) {
            throw new ContentException(1, "expected 'name: value' lines (type, start, end, raion, …)");
        }
        for (Object name : fields.keySet()) {
            if (!FIELDS.contains(String.valueOf(name))) {
                throw new ContentException(line(mapping, String.valueOf(name)), "unknown field '" + name + "'");
            }
        }
        Map<?, ?> ro = translation(fields, mapping, "ro");
        Map<?, ?> ru = translation(fields, mapping, "ru");
        String[] start = dateTime(fields, mapping, "start");
        String[] end = fields.get("end") == null ? new String[] {start[0], start[1]} : dateTime(fields, mapping, "end");
        EventDraft draft = new EventDraft(null, 0, string(fields.get("type")), string(fields.get("status")),
                string(ro.get("title")), string(ru.get("title")), string(ro.get("description")),
                string(ru.get("description")), start[0], start[1], end[0], end[1], string(fields.get("raion")),
                string(fields.get("locality")), string(fields.get("venue")), list(fields, mapping, "audience"),
                partners(fields.get("partners")), count(fields, mapping, "participants"),
                count(fields, mapping, "materials"), List.of());
        boolean[] created = new boolean[1];
        List<EventProblem> problems = events.importIfMissing(key, draft, created);
        if (!problems.isEmpty()) {
            EventProblem p = problems.get(0);
            String field = yamlField(p.field());
            throw new ContentException(line(mapping, field), "'" + field + "': " + reason(p)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        }
        return created[0];
    }

    private static Map<?, ?> translation(Map<?, ?> fields, MappingNode mapping, String language) {
        Object value = fields.get(language);
        if (!(value instanceof Map<?, ?> map)) {
            throw new ContentException(line(mapping, language), "'" + language
                    + "' is required: { title: \"…\", description: \"…\" }");
        }
        return map;
    }

    private static String[] dateTime(Map<?, ?> fields, MappingNode mapping, String name) {
        String value = string(fields.get(name));
        if (value == null || !value.matches("[^T ]+[T ][^T ]+")) {
            throw new ContentException(line(mapping, name), "'" + name + "' must be a date and time like 2025-03-12T10:00"
                    + (value == null ? "" : ", got '" + value + "'"));
        }
        return value.split("[T ]");
    }

    private static Integer count(Map<?, ?> fields, MappingNode mapping, String name) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer number)) {
            throw new ContentException(line(mapping, name), "'" + name + "' must be a whole number");
        }
        return number;
    }

    private static List<String> list(Map<?, ?> fields, MappingNode mapping, String name) {
        Object value = fields.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).toList();
        }
        if (value instanceof String single) {
            return List.of(single);
        }
        throw new ContentException(line(mapping, name), "'" + name + "' must be a list such as [pupils, students]");
    }

    private static String partners(Object value) {
        if (value instanceof Collection<?> items) {
            return String.join(", ", items.stream().map(String::valueOf).toList());
        }
        return string(value);
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /** The YAML key that holds a draft field. */
    private static String yamlField(String field) {
        return switch (field) {
            case "titleRo", "descriptionRo" -> "ro";
            case "titleRu", "descriptionRu" -> "ru";
            case "startDate", "startTime" -> "start";
            case "endDate", "endTime" -> "end";
            case "district" -> "raion";
            case "audiences" -> "audience";
            default -> field;
        };
    }

    private static String reason(EventProblem p) {
        return switch (p.code()) {
            case REQUIRED -> "is required";
            case TOO_LONG -> "is longer than " + p.detail() + " characters";
            case INVISIBLE_CHARACTER -> "contains control or invisible characters";
            case BROKEN_CHARACTER -> "contains a broken character";
            case TYPE_UNKNOWN -> "must be one of school-session, exhibition, campaign, training, media, community";
            case STATUS_UNKNOWN -> "must be planned, held or cancelled";
            case AUDIENCE_UNKNOWN -> "must list pupils, students, young-people, professionals or general-public";
            case DATE_INVALID -> "is not a real date (YYYY-MM-DD)";
            case TIME_INVALID -> "is not a time (HH:MM)";
            case END_BEFORE_START -> "the event ends before it starts";
            case DISTRICT_UNKNOWN -> "is not one of Moldova's districts or municipalities";
            case NEGATIVE -> "must not be negative";
            case TOO_LARGE -> "must be at most " + p.detail();
            case HELD_IN_FUTURE -> "an event that has not started yet cannot be 'held'";
            case COUNTS_BEFORE_EVENT -> "participants and materials are recorded after the event";
            default -> p.code().name();
        };
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
