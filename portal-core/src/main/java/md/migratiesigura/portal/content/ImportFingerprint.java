package md.migratiesigura.portal.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import md.migratiesigura.portal.common.BackgroundThreads;
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
    private Path walkedDir;
    private CompletableFuture<Walk> walked;

    public ImportFingerprint(Path stateFile) {
        this.stateFile = stateFile;
    }

    /** The digest of the files under {@code dir} (recursively) and of {@code databaseSide}. */
    public static String of(Path dir, String databaseSide) throws IOException {
        return walk(dir).with(databaseSide);
    }

    /**
     * Starts walking {@code contentDir/articles} now, on another thread (a start does it beside the database's start):
     * the first {@link #take} of that folder uses this walk instead of walking again. Nothing without the folder.
     */
    public ImportFingerprint walkingBeside(Optional<Path> contentDir) {
        contentDir.map(dir -> dir.resolve("articles")).filter(Files::isDirectory).ifPresent(dir -> {
            walkedDir = dir;
            walked = BackgroundThreads.beside("start-content-walk", () -> {
                try {
                    return walk(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        });
        return this;
    }

    /** {@link #of}, with the walk started {@link #walkingBeside} when it was of this folder (once), else a walk now. */
    public String take(Path dir, String databaseSide) throws IOException {
        CompletableFuture<Walk> beside = dir.equals(walkedDir) ? walked : null;
        walked = null;
        walkedDir = null;
        if (beside != null) {
            try {
                return beside.join().with(databaseSide);
            } catch (CompletionException e) {
                log.warn("Content import: the walk of {} failed ({}); walking again", dir, e.getCause().toString());
            }
        }
        return of(dir, databaseSide);
    }

    /**
     * The files' part of a fingerprint: their number and the digest of their paths, sizes and times, in order; used
     * once ({@link #with} completes the digest).
     */
    private record Walk(int files, MessageDigest digest) {

        String with(String databaseSide) {
            digest.update(("database\u0000" + databaseSide).getBytes(StandardCharsets.UTF_8));
            return files + ":" + HexFormat.of().formatHex(digest.digest());
        }
    }

    private static Walk walk(Path dir) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        // One stat a file (the walk's own), in the order of the sorted paths: a third of Files.walk's three stats.
        SortedMap<Path, BasicFileAttributes> files = new TreeMap<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile()) {
                    files.put(file, attributes);
                } else if (attributes.isSymbolicLink() && Files.isRegularFile(file)) {
                    files.put(file, Files.readAttributes(file, BasicFileAttributes.class));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        for (Map.Entry<Path, BasicFileAttributes> file : files.entrySet()) {
            BasicFileAttributes attributes = file.getValue();
            digest.update((dir.relativize(file.getKey()) + "\u0000" + attributes.size() + "\u0000"
                    + attributes.lastModifiedTime().toInstant() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new Walk(files.size(), digest);
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
