package md.migratiesigura.portal.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.content.ContentException;
import md.migratiesigura.portal.content.ContentFiles;
import md.migratiesigura.portal.content.FrontMatterDocument;
import md.migratiesigura.portal.content.ImportProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports {@code report/{year}.csv} (monthly visits and unique visitors of years counted before the portal) and
 * {@code report/{year}.yml} (the figures the portal cannot see, and summaries) from the content folder, each only
 * when that year has nothing entered yet: administrators' changes are never overwritten. Figures arrive
 * unpublished.
 */
public final class ReportSeedImporter {

    private static final Logger log = LoggerFactory.getLogger(ReportSeedImporter.class);
    private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.(csv|yml)");

    private final ReportService reports;
    private final Clock clock;

    public ReportSeedImporter(ReportService reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** Imports from a content folder, or from the bundled content when none is given; returns the problems. */
    public List<ImportProblem> importFrom(Optional<Path> contentDir) {
        return contentDir.map(this::importFolder).orElseGet(() -> ContentFiles.withBundledContent(this::importFolder));
    }

    public List<ImportProblem> importFolder(Path root) {
        List<ImportProblem> problems = new ArrayList<>();
        for (Path file : ContentFiles.filesIn(root, "report")) {
            Matcher m = YEAR_FILE.matcher(file.getFileName().toString());
            if (!m.matches()) {
                continue;
            }
            int year = Integer.parseInt(m.group(1));
            String name = "report/" + file.getFileName();
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (m.group(2).equals("csv")) {
                    importMonths(year, text, name);
                } else {
                    importFigures(year, text);
                }
            } catch (ContentException e) {
                problems.add(new ImportProblem(name, e.line(), e.getMessage()));
            } catch (IOException | RuntimeException e) {
                problems.add(new ImportProblem(name, 0, e.getMessage()));
            }
        }
        problems.forEach(p -> log.warn("Report figures not imported: {}", p));
        return problems;
    }

    private void importMonths(int year, String text, String name) {
        if (!reports.enteredMonths(year).isEmpty()) {
            return;
        }
        List<EnteredMonth> months = parseMonths(text);
        reports.saveEnteredMonths(null, year, months);
        log.info("Report {}: {} monthly figure(s) imported from {}", year, months.size(), name);
    }

    /** {@code month;visits;unique_visitors;pageviews} lines; {@code #} comments and the header are skipped. */
    static List<EnteredMonth> parseMonths(String text) {
        List<EnteredMonth> months = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("month")) {
                continue;
            }
            String[] cells = line.split(";", -1);
            try {
                if (cells.length < 3) {
                    throw new IllegalArgumentException("expected month;visits;unique_visitors;pageviews");
                }
                Long pageviews = cells.length > 3 && !cells[3].isBlank() ? Long.parseLong(cells[3].strip()) : null;
                months.add(new EnteredMonth(Integer.parseInt(cells[0].strip()), Long.parseLong(cells[1].strip()),
                        Long.parseLong(cells[2].strip()), pageviews));
            } catch (IllegalArgumentException e) {
                throw new ContentException(i + 1, e.getMessage());
            }
        }
        return months;
    }

    private void importFigures(int year, String text) {
        if (reports.figures(year).updatedAt() != null) {
            return;
        }
        Object loaded = FrontMatterDocument.newYaml().load(text);
        if (!(loaded instanceof Map<?, ?> root)) {
            throw new ContentException(1, "expected 'figures:' and 'texts:' mappings");
        }
        Map<Figure, Long> values = new EnumMap<>(Figure.class);
        if (root.get("figures") instanceof Map<?, ?> figures) {
            for (Map.Entry<?, ?> e : figures.entrySet()) {
                Figure figure = figureOf(String.valueOf(e.getKey()));
                if (!(e.getValue() instanceof Number n) || n.longValue() < 0) {
                    throw new ContentException(0, e.getKey() + " must be a whole number of zero or more");
                }
                values.put(figure, n.longValue());
            }
        }
        Map<Figure.Section, Map<Language, String>> texts = new EnumMap<>(Figure.Section.class);
        if (root.get("texts") instanceof Map<?, ?> sections) {
            for (Map.Entry<?, ?> e : sections.entrySet()) {
                Figure.Section section = sectionOf(String.valueOf(e.getKey()));
                if (e.getValue() instanceof Map<?, ?> byLanguage) {
                    Map<Language, String> t = new EnumMap<>(Language.class);
                    byLanguage.forEach((lang, body) -> t.put(Language.ofCode(String.valueOf(lang)).orElseThrow(
                            () -> new ContentException(0, "texts: language must be ro or ru")), String.valueOf(body)));
                    texts.put(section, t);
                }
            }
        }
        reports.saveFigures(null, new YearFigures(year, values, texts, false, clock.instant()));
        log.info("Report {}: {} figure(s) imported (unpublished)", year, values.size());
    }

    private static Figure figureOf(String key) {
        for (Figure f : Figure.values()) {
            if (f.column().equals(key)) {
                return f;
            }
        }
        throw new ContentException(0, "unknown figure '" + key + "'");
    }

    private static Figure.Section sectionOf(String key) {
        for (Figure.Section s : Figure.Section.values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        throw new ContentException(0, "unknown section '" + key + "'");
    }
}
