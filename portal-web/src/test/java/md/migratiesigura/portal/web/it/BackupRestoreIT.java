package md.migratiesigura.portal.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import md.migratiesigura.portal.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/backup.sh and deploy/restore.sh as an operator runs them: back up a running portal, restore into an empty
 * database, start a portal on it with nothing else, and find the same articles and search.
 */
class BackupRestoreIT {

    @TempDir
    Path work;

    @Test
    void aBackupRestoredIntoAnEmptyDatabaseServesTheSameSite() throws Exception {
        Map<String, String> original = TestDatabases.portalEnvironment(Files.createDirectory(work.resolve("a")));
        Path backups = Files.createDirectory(work.resolve("backups"));
        String article = "/ro/articole/cum-verifici-o-oferta-de-munca-in-strainatate";
        try (PortalProcess portal = PortalProcess.start(original, Duration.ofSeconds(120))) {
            assertEquals(200, status(portal, article));
            run(List.of("bash", script("backup.sh"), backups.toString()), original);
            portal.stop();
        }
        Path dump = Files.list(backups).filter(p -> p.toString().endsWith(".sql.gz")).findFirst().orElseThrow();
        assertTrue(Files.size(dump) > 10_000, "the dump holds the content");

        Map<String, String> restored = TestDatabases.portalEnvironment(Files.createDirectory(work.resolve("b")));
        restored.put("PORTAL_CONTENT_DIR", Files.createDirectory(work.resolve("no-content")).toString());
        String output = run(List.of("bash", script("restore.sh"), dump.toString()), restored);
        assertTrue(output.contains("Restored"), output);
        assertFalse(output.contains("ERROR"), output);

        try (PortalProcess portal = PortalProcess.start(restored, Duration.ofSeconds(120))) {
            assertEquals(200, status(portal, article), "the article came back with the database");
            assertEquals(200, status(portal, "/ru/"));
            HttpResponse<String> search = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(portal.baseUrl() + "/api/v1/search?lang=ro&q=pasaport")).build(), HttpResponse.BodyHandlers.ofString());
            assertFalse(search.body().contains("\"total\":0"), "the index was rebuilt from the restored data");
            portal.stop();
            assertFalse(portal.output().contains("one-time password"), "the restored administrator is used");
        }

        // Restoring over a database that holds articles is refused without --force.
        ProcessBuilder again = new ProcessBuilder("bash", script("restore.sh"), dump.toString());
        again.environment().putAll(restored);
        again.redirectErrorStream(true);
        Process refused = again.start();
        String message = new String(refused.getInputStream().readAllBytes());
        assertTrue(refused.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, refused.exitValue(), message);
        assertTrue(message.contains("--force"), message);
    }

    private static String script(String name) {
        return Path.of("..", "deploy", name).toAbsolutePath().normalize().toString();
    }

    private static String run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("PORTAL_"));
        builder.environment().putAll(new HashMap<>(env));
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finished");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + output);
        return output;
    }

    private static int status(PortalProcess portal, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
