package md.migratiesigura.portal.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import md.migratiesigura.portal.account.PortalUser;
import md.migratiesigura.portal.agency.Agency;
import md.migratiesigura.portal.article.Article;
import md.migratiesigura.portal.article.ArticleRevision;
import md.migratiesigura.portal.article.ArticleTranslation;
import md.migratiesigura.portal.article.Category;
import md.migratiesigura.portal.audit.AuditEntry;
import md.migratiesigura.portal.common.BackgroundThreads;
import md.migratiesigura.portal.config.ConfigException;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.consultation.Consultation;
import md.migratiesigura.portal.consultation.ConsultationMessage;
import md.migratiesigura.portal.consultation.Referral;
import md.migratiesigura.portal.event.Event;
import md.migratiesigura.portal.media.MediaImage;
import md.migratiesigura.portal.navigation.NavigationEntry;
import md.migratiesigura.portal.register.RegisterEntry;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool, the schema (owned by Flyway, validated by Hibernate) and the session factory, over either
 * an external MariaDB ({@code PORTAL_DB_URL}) or the embedded one.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;
    private final EmbeddedMariaDb embedded;

    private Database(HikariDataSource dataSource, SessionFactory sessionFactory, EmbeddedMariaDb embedded) {
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.embedded = embedded;
    }

    /** Connects (starting the embedded server when no URL is configured), migrates and validates the schema. */
    public static Database open(PortalConfig config) {
        EmbeddedMariaDb embedded = null;
        String url;
        String user = config.dbUser();
        String password = config.dbPassword();
        String setting = "PORTAL_DB_URL";
        if (config.dbUrl().isPresent()) {
            url = config.dbUrl().get();
        } else {
            setting = "PORTAL_DATA_DIR";
            embedded = startEmbedded(config.dataDir().resolve("mariadb"));
            // Its own account, with rights on its own database only (the server made both at start).
            user = EmbeddedMariaDb.PORTAL_USER;
            password = embedded.portalPassword();
            url = embedded.jdbcUrl(EmbeddedMariaDb.DATABASE);
        }
        HikariDataSource dataSource = null;
        CompletableFuture<SessionFactory> building = null;
        try {
            dataSource = pool(url, user, password, setting);
            // Hibernate's boot (mappings, proxies: seconds on two cores) needs no table, only the connection: it runs
            // on another core while Flyway migrates; the mappings are validated against the schema once both are done.
            HikariDataSource pooled = dataSource;
            building = BackgroundThreads.beside("start-hibernate", () -> sessionFactory(pooled));
            migrate(dataSource);
            SessionFactory sessionFactory = BackgroundThreads.joined(building);
            try {
                sessionFactory.getSchemaManager().validateMappedObjects();
            } catch (RuntimeException e) {
                sessionFactory.close();
                throw e;
            }
            return new Database(dataSource, sessionFactory, embedded);
        } catch (RuntimeException e) {
            if (building != null) {
                // Flyway failed while Hibernate was still booting: wait for it, so that nothing is left open.
                BackgroundThreads.release(building, factory -> {
                    if (factory.isOpen()) {
                        factory.close();
                    }
                });
            }
            if (dataSource != null) {
                dataSource.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    private static EmbeddedMariaDb startEmbedded(Path dir) {
        try {
            return EmbeddedMariaDb.start(dir);
        } catch (Exception e) {
            // The server's own last words (several lines) help the operator; the one-line error follows.
            log.warn("The embedded MariaDB did not start: {}", e.getMessage());
            throw new ConfigException("PORTAL_DATA_DIR",
                    "the embedded MariaDB could not start in " + dir + " (" + rootMessage(e)
                            + "); set PORTAL_DB_URL to use an external server", e);
        }
    }

    private static HikariDataSource pool(String url, String user, String password, String setting) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("portal");
        hikari.setJdbcUrl(url);
        hikari.setUsername(user);
        hikari.setPassword(password);
        // Two cores: a small pool keeps the database from thrashing; requests wait briefly instead.
        hikari.setMaximumPoolSize(10);
        hikari.setMinimumIdle(2);
        // A dead database must be noticed in seconds, at start and at run time.
        hikari.setConnectionTimeout(3_000);
        hikari.setValidationTimeout(2_000);
        hikari.setInitializationFailTimeout(5_000);
        if (PortalConfig.dbHostCount(url) > 1) {
            // Several nodes of a cluster: a connection opened while the first node was down lives on the next one;
            // renewing connections every minute brings the pool back to the first node once it has recovered, so
            // that the writes go through one node again.
            hikari.setMaxLifetime(60_000);
            hikari.setKeepaliveTime(30_000);
            hikari.setIdleTimeout(30_000);
        }
        Properties driver = new Properties();
        driver.setProperty("connectTimeout", "3000");
        driver.setProperty("socketTimeout", "60000");
        hikari.setDataSourceProperties(driver);
        try {
            return new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            throw new ConfigException(setting, "cannot connect to " + PortalConfig.redactUrl(url) + " as '" + user
                    + "': " + rootMessage(e), e);
        }
    }

    private static void migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        log.info("Database schema at version {} ({} migration(s) applied now)",
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
    }

    private static SessionFactory sessionFactory(DataSource dataSource) {
        HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("portal");
        configuration.managedClasses(Category.class, Article.class, ArticleTranslation.class, ArticleRevision.class,
                MediaImage.class, PortalUser.class, AuditEntry.class, Agency.class,
                Event.class,
                Consultation.class, ConsultationMessage.class, Referral.class,
                NavigationEntry.class,
                RegisterEntry.class);
        configuration.property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        // Flyway owns the schema; Hibernate only checks that the mappings agree with it, once Flyway is done (open).
        configuration.property("hibernate.hbm2ddl.auto", "none");
        configuration.property("hibernate.jdbc.time_zone", "UTC");
        configuration.property("hibernate.default_batch_fetch_size", "32");
        configuration.property("hibernate.jdbc.batch_size", "50");
        configuration.property("hibernate.order_inserts", "true");
        return configuration.createEntityManagerFactory().unwrap(SessionFactory.class);
    }

    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Whether a connection can be had and answers within two seconds. */
    public boolean isUp() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        sessionFactory.close();
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return message.lines().findFirst().orElse(message).strip();
    }
}
