package md.migratiesigura.portal.riskcheck;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import md.migratiesigura.portal.content.ContentException;
import md.migratiesigura.portal.content.ContentFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and checks {@code risk-check/questionnaire.yml}. The file is read as YAML nodes, not objects, so that every
 * problem names its line and that answers such as {@code no} stay words instead of becoming booleans. Any problem
 * rejects the whole file with a {@link QuestionnaireException}; the caller keeps the questionnaire it had.
 */
public final class QuestionnaireLoader {

    private static final Logger log = LoggerFactory.getLogger(QuestionnaireLoader.class);

    public static final String FILE = "risk-check/questionnaire.yml";

    /** The questionnaire of the content folder, or the one bundled with the portal when the folder has none. */
    public Questionnaire load(Optional<Path> contentDir) {
        if (contentDir.isPresent() && Files.exists(contentDir.get().resolve(FILE))) {
            return loadFile(contentDir.get().resolve(FILE));
        }
        return loadBundled();
    }

    /**
     * At start there is no previous questionnaire to keep: an invalid file in the configured content folder is
     * reported and the bundled questionnaire is used instead. An invalid bundled file is a build error and throws.
     */
    public Questionnaire loadAtStart(Optional<Path> contentDir) {
        try {
            Questionnaire questionnaire = load(contentDir);
            log.info("Job-offer check: questionnaire version {} with {} questions", questionnaire.version(),
                    questionnaire.questions().size());
            return questionnaire;
        } catch (QuestionnaireException e) {
            if (contentDir.isEmpty()) {
                throw e;
            }
            Questionnaire bundled = loadBundled();
            log.error("Job-offer check: {} is invalid, so the bundled questionnaire version {} is used: {}",
                    FILE, bundled.version(), e.getMessage());
            return bundled;
        }
    }

    public Questionnaire loadBundled() {
        return ContentFiles.withBundledContent(root -> loadFile(root.resolve(FILE)));
    }

    public Questionnaire loadFile(Path file) {
        try {
            return parse(FILE, ContentFiles.readUtf8(file));
        } catch (NoSuchFileException e) {
            throw new QuestionnaireException(FILE, 0, "the file does not exist");
        } catch (ContentException e) {
            throw new QuestionnaireException(FILE, e.line(), e.getMessage());
        } catch (IOException e) {
            throw new QuestionnaireException(FILE, 0, "cannot be read: " + e.getMessage());
        }
    }

    /** Parses and checks the text of a questionnaire file; {@code fileName} is used in messages. */
    public Questionnaire parse(String fileName, String text) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            options.setCodePointLimit(2 * 1024 * 1024);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new QuestionnaireException(fileName, line, "invalid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            throw new QuestionnaireException(fileName, 0, "invalid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new QuestionnaireException(fileName, 1, "the file is empty");
        }
        return new QuestionnaireReader(fileName).questionnaire(root);
    }
}
