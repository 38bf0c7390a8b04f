package md.migratiesigura.portal.register;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.migratiesigura.portal.content.ContentFiles;
import md.migratiesigura.portal.content.ImportProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports {@code hotline/{year}.csv} from the content folder at start, each only when that year has no register
 * entries yet; a file with any problem imports nothing and its problems are logged by line. The bundled content
 * ships no such file: the hotline's monthly split is not published, and the portal invents no data.
 */
public final class RegisterSeedImporter {

    private static final Logger log = LoggerFactory.getLogger(RegisterSeedImporter.class);
    private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.csv");

    private final RegisterService register;

    public RegisterSeedImporter(RegisterService register) {
        this.register = register;
    }

    public List<ImportProblem> importFrom(Optional<Path> contentDir) {
        return contentDir.map(this::importFolder).orElseGet(() -> ContentFiles.withBundledContent(this::importFolder));
    }

    public List<ImportProblem> importFolder(Path root) {
        List<ImportProblem> problems = new ArrayList<>();
        for (Path file : ContentFiles.filesIn(root, "hotline")) {
            Matcher m = YEAR_FILE.matcher(file.getFileName().toString());
            if (!m.matches() || register.hasEntries(Integer.parseInt(m.group(1)))) {
                continue;
            }
            String name = "hotline/" + file.getFileName();
            try {
                RegisterImport.Preview preview = register.previewImport(Files.readAllBytes(file));
                if (preview.year() != Integer.parseInt(m.group(1)) && preview.year() != 0) {
                    problems.add(new ImportProblem(name, 0, "the file holds " + preview.year() + ", not " + m.group(1)));
                } else if (!preview.canApply()) {
                    preview.problems().forEach(p -> problems.add(new ImportProblem(name, p.line(), p.toString())));
                } else {
                    int added = register.applyImport(preview, null);
                    log.info("Hotline register {}: {} entries imported from {}", preview.year(), added, name);
                }
            } catch (IOException | RuntimeException e) {
                problems.add(new ImportProblem(name, 0, String.valueOf(e.getMessage())));
            }
        }
        problems.forEach(p -> log.warn("Hotline register not imported: {}", p));
        return problems;
    }
}
