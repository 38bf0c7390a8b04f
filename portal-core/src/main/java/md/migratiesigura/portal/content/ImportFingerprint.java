package md.migratiesigura.portal.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a content folder and the database looked like right after an import: a digest of every file's path, size and
 * modification time, and of a summary of the database's side (counts, highest id, latest change). When both are the
 * same at the next start, importing again would change nothing, and the files are not read at all: a restart with
 * 20,000 unchanged articles then costs a directory walk instead of reading and parsing 100 MB of Markdown. A changed,
 * added or removed file, or any edit in the database, makes the next start import as before. Kept in the node's data
 * directory (each node has its own); a state that cannot be read or written only means a full import.
 */
public final class ImportFingerprint {

    private static final Logger log = LoggerFactory.getLogger(ImportFingerprint.class);

    private final Path stateFile;

    public ImportFingerprint(Path stateFile) {
        this.stateFile = stateFile;
    }

    /** The digest of the files under {@code dir} (recursively) and of {@code databaseSide}. */
    public static String of(Path dir, String databaseSide) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            digest.update((dir.relativize(file) + "\u0000" + attributes.size() + "\u0000"
                    + attributes.lastModifiedTime().toInstant() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        digest.update(("database\u0000" + databaseSide).getBytes(StandardCharsets.UTF_8));
        return files.size() + ":" + HexFormat.of().formatHex(digest.digest());
    }

    /** Whether the last import left this very fingerprint. */
    public boolean unchanged(String fingerprint) {
        try {
            return Files.isRegularFile(stateFile) && Files.readString(stateFile, StandardCharsets.UTF_8).strip().equals(fingerprint);
        } catch (IOException e) {
            return false;
        }
    }

    /** Keeps the fingerprint for the next start; a failure only means that the next start imports in full. */
    public void remember(String fingerprint) {
        try {
            Path temporary = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
            Files.writeString(temporary, fingerprint + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Content import: cannot keep its fingerprint in {} ({}); the next start imports in full",
                    stateFile, e.getMessage());
        }
    }

    /** Forgets the state, so that the next start imports in full. */
    public void forget() {
        try {
            Files.deleteIfExists(stateFile);
        } catch (IOException e) {
            log.warn("Content import: cannot delete {} ({})", stateFile, e.getMessage());
        }
    }
}
