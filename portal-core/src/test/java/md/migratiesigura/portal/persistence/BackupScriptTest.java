package md.migratiesigura.portal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import md.migratiesigura.portal.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/backup.sh run by an operator whose shell has the usual umask (022): the dump holds sealed consultations
 * and the key beside it, so every file it writes is the owner's alone, and so is a folder it creates.
 */
class BackupScriptTest {

    @TempDir
    Path work;

    @Test
    void backupFilesAreReadableByTheOwnerOnlyWhateverTheCallersUmask() throws Exception {
        Path dataDir = Files.createDirectory(work.resolve("data"));
        Files.createDirectories(dataDir.resolve("uploads/2026"));
        Files.writeString(dataDir.resolve("uploads/2026/photo.jpg"), "not really a photo");
        Files.writeString(dataDir.resolve("consultation.key"), "a key");
        Path target = work.resolve("backups/nightly");

        Map<String, String> env = new HashMap<>();
        env.put("PORTAL_DATA_DIR", dataDir.toString());
        env.put("PORTAL_DB_URL", TestDatabases.newDatabaseUrl());
        env.put("PORTAL_DB_USER", TestDatabases.user());
        env.put("PORTAL_DB_PASSWORD", TestDatabases.password());
        String output = run(env, "umask 022; exec bash \"$0\" \"$1\"", script("backup.sh"), target.toString());
        assertTrue(output.contains("Backup written"), output);

        assertEquals("rwx------", permissions(target), "the folder it created");
        try (Stream<Path> files = Files.list(target)) {
            List<Path> written = files.toList();
            assertEquals(4, written.size(), "dump, uploads, key and checksums: " + written);
            for (Path file : written) {
                assertEquals("rw-------", permissions(file), file.getFileName().toString());
            }
        }
    }

    @Test
    void backupOfAClusterUsesTheFirstNodeThatAnswers() throws Exception {
        Path dataDir = Files.createDirectory(work.resolve("data"));
        String single = TestDatabases.newDatabaseUrl();
        // A cluster URL whose first node is down (nothing listens on port 9 of loopback): the dump comes from the next.
        String cluster = single.replaceFirst("^jdbc:mariadb://", "jdbc:mariadb:sequential://127.0.0.1:9,");
        Map<String, String> env = new HashMap<>();
        env.put("PORTAL_DATA_DIR", dataDir.toString());
        env.put("PORTAL_DB_URL", cluster);
        env.put("PORTAL_DB_USER", TestDatabases.user());
        env.put("PORTAL_DB_PASSWORD", TestDatabases.password());
        String output = run(env, "exec bash \"$0\" \"$1\"", script("backup.sh"), work.resolve("backups").toString());

        assertTrue(output.contains("database node 127.0.0.1:9 does not answer, trying the next one"), output);
        assertTrue(output.contains("Backup written"), output);
    }

    static String script(String name) {
        return Path.of("..", "deploy", name).toAbsolutePath().normalize().toString();
    }

    /** Runs a bash command line (its arguments as $0, $1 …) with only the given PORTAL_* settings. */
    static String run(Map<String, String> env, String commandLine, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "-c", commandLine));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("PORTAL_"));
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finished");
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
