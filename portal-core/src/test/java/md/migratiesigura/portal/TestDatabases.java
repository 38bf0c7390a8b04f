package md.migratiesigura.portal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.persistence.EmbeddedMariaDb;

/**
 * Databases for tests: on the server named by {@code PORTAL_TEST_DB_URL} when set (CI sets the local MariaDB),
 * otherwise on an embedded MariaDB started once for the test JVM. Each call creates a database of its own, dropped
 * when the JVM ends.
 */
public final class TestDatabases {

    private static final List<String> created = new ArrayList<>();
    private static String serverUrl;
    private static String user;
    private static String password;
    private static EmbeddedMariaDb embedded;

    private TestDatabases() {
    }

    /** Creates an empty utf8mb4 database and returns its JDBC URL. */
    public static synchronized String newDatabaseUrl() {
        ensureServer();
        String name = "portal_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        created.add(name);
        return serverUrl + name;
    }

    public static synchronized String user() {
        ensureServer();
        return user;
    }

    public static synchronized String password() {
        ensureServer();
        return password;
    }

    /** The environment a portal under test needs to use a new database of its own. */
    public static Map<String, String> portalEnvironment(Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("PORTAL_DB_URL", newDatabaseUrl());
        env.put("PORTAL_DB_USER", user());
        env.put("PORTAL_DB_PASSWORD", password());
        env.put("PORTAL_DATA_DIR", dataDir.toString());
        env.put("PORTAL_PORT", "0");
        return env;
    }

    /** A configuration on a new database of its own, with its data under the given directory. */
    public static PortalConfig newConfig(Path dataDir) {
        return PortalConfig.from(portalEnvironment(dataDir), new Properties());
    }

    private static void ensureServer() {
        if (serverUrl != null) {
            return;
        }
        String configured = System.getenv("PORTAL_TEST_DB_URL");
        if (configured != null && !configured.isBlank()) {
            URI uri = URI.create(configured.trim().substring("jdbc:".length()));
            serverUrl = "jdbc:" + uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 3306 : uri.getPort()) + "/";
            user = envOr("PORTAL_TEST_DB_USER", queryParameter(uri, "user", "root"));
            password = envOr("PORTAL_TEST_DB_PASSWORD", queryParameter(uri, "password", ""));
        } else {
            try {
                Path dir = Files.createTempDirectory("portal-test-mariadb");
                embedded = EmbeddedMariaDb.start(dir);
                serverUrl = embedded.serverUrl();
                user = "root";
                password = embedded.rootPassword();
            } catch (Exception | Error e) {
                throw new IllegalStateException("cannot start the embedded MariaDB for tests: " + e.getMessage(), e);
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropAll, "drop-test-databases"));
    }

    private static synchronized void dropAll() {
        for (String name : created) {
            try {
                execute("DROP DATABASE IF EXISTS `" + name + "`");
            } catch (RuntimeException e) {
                // best effort: the JVM is ending
            }
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static String queryParameter(URI uri, String name, String fallback) {
        if (uri.getQuery() == null) {
            return fallback;
        }
        for (String pair : uri.getQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return kv.length > 1 ? kv[1] : "";
            }
        }
        return fallback;
    }

    /** Deletes a directory tree, for tests that clean up after themselves. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
