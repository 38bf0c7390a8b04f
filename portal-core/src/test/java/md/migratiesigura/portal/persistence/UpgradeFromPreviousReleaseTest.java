package md.migratiesigura.portal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import md.migratiesigura.portal.PortalCore;
import md.migratiesigura.portal.PortalServices;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.article.ArticleView;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.report.AnnualReport;
import md.migratiesigura.portal.report.Figure;
import md.migratiesigura.portal.search.SearchHit;
import md.migratiesigura.portal.search.SearchQuery;
import md.migratiesigura.portal.visits.Month;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new version starts on the previous release's database: the schema at V7 (the last migration of the release
 * before events), with articles, visit counts and a report figure written by that release, is migrated by Flyway
 * when the current code starts, and everything is still served.
 */
class UpgradeFromPreviousReleaseTest {

    static final String PREVIOUS_RELEASE = "7";

    @TempDir
    Path dataDir;

    @Test
    void theCurrentPortalStartsOnThePreviousReleasesDatabaseAndKeepsItsData() throws Exception {
        String url = TestDatabases.newDatabaseUrl();
        Flyway.configure().dataSource(url, TestDatabases.user(), TestDatabases.password())
                .locations("classpath:db/migration").target(PREVIOUS_RELEASE).load().migrate();
        try (Connection c = DriverManager.getConnection(url, TestDatabases.user(), TestDatabases.password());
             Statement s = c.createStatement()) {
            assertEquals(PREVIOUS_RELEASE, schemaVersion(s), "the database is at the previous release's schema");
            // What the previous release wrote, in its own columns: an article in two languages ...
            s.execute("INSERT INTO categories (id, category_key, name_ro, name_ru) VALUES (1, 'munca', 'Muncă', 'Работа')");
            s.execute("INSERT INTO articles (id, article_key, category_id, created_at, updated_at)"
                    + " VALUES (1, 'contract-munca', 1, '2026-03-01 09:00:00', '2026-03-01 09:00:00')");
            s.execute("INSERT INTO article_translations (article_id, lang, slug, title, summary, body_markdown, body_html,"
                    + " status, published_at, created_at, updated_at, content_changed_at) VALUES"
                    + " (1, 'ro', 'contractul-de-munca', 'Contractul de muncă în străinătate', 'Ce verificați.',"
                    + " 'Cereți contractul scris înainte de plecare.', '<p>Cereți contractul scris înainte de plecare.</p>',"
                    + " 'PUBLISHED', '2026-03-01 09:00:00', '2026-03-01 09:00:00', '2026-03-01 09:00:00', '2026-03-01 09:00:00'),"
                    + " (1, 'ru', 'trudovoj-dogovor', 'Трудовой договор за границей', 'Что проверить.',"
                    + " 'Требуйте письменный договор до отъезда.', '<p>Требуйте письменный договор до отъезда.</p>',"
                    + " 'PUBLISHED', '2026-03-01 09:00:00', '2026-03-01 09:00:00', '2026-03-01 09:00:00', '2026-03-01 09:00:00')");
            // ... a month of counted visits ...
            s.execute("INSERT INTO visit_monthly (year, month, pageviews, visits, visitors) VALUES (2026, 3, 1234, 567, 345)");
            s.execute("INSERT INTO visit_daily (day, pageviews, visits, visitors) VALUES ('2026-03-02', 1234, 567, 345)");
            // ... and a published report figure.
            s.execute("INSERT INTO report_years (year, hotline_calls, published, updated_at)"
                    + " VALUES (2026, 4321, TRUE, '2026-04-01 10:00:00')");
        }

        PortalConfig config = PortalConfig.from(java.util.Map.of("PORTAL_DB_URL", url,
                "PORTAL_DB_USER", TestDatabases.user(), "PORTAL_DB_PASSWORD", TestDatabases.password(),
                "PORTAL_DATA_DIR", dataDir.toString(), "PORTAL_PORT", "0"), new java.util.Properties());
        try (PortalServices portal = PortalCore.start(config)) {
            ArticleView ro = portal.articles().bySlug(Language.RO, "contractul-de-munca").orElseThrow();
            assertEquals("Contractul de muncă în străinătate", ro.title());
            assertTrue(ro.bodyHtml().contains("contractul scris"), ro.bodyHtml());
            assertEquals("Трудовой договор за границей",
                    portal.articles().bySlug(Language.RU, "trudovoj-dogovor").orElseThrow().title());
            // The bundled content is imported beside it; the old article is found first for its own title.
            List<SearchHit> hits = portal.search().search(SearchQuery.of("contractul de muncă în străinătate",
                    Language.RO)).hits();
            assertEquals("contract-munca", hits.get(0).key(), "the new node's index is built from the migrated database");

            assertEquals(1234, portal.visitStatistics().month(new Month(2026, 3)).pageviews());
            AnnualReport report = portal.reports().report(2026);
            assertEquals(1234, report.totals().pageviews());
            assertEquals(567, report.totals().visits());
            assertTrue(report.articlesPublished() >= 1);
            assertEquals(4321L, report.entered().values().get(Figure.HOTLINE_CALLS));
        }

        try (Connection c = DriverManager.getConnection(url, TestDatabases.user(), TestDatabases.password());
             Statement s = c.createStatement()) {
            MigrationInfoService info = Flyway.configure().dataSource(url, TestDatabases.user(), TestDatabases.password())
                    .locations("classpath:db/migration").load().info();
            assertEquals(0, info.pending().length, "every migration of this version was applied");
            assertEquals(info.current().getVersion().getVersion(), schemaVersion(s), "at the latest version");
            assertTrue(Integer.parseInt(schemaVersion(s)) > Integer.parseInt(PREVIOUS_RELEASE));
            ResultSet failed = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = FALSE");
            failed.next();
            assertEquals(0, failed.getInt(1));
        }
    }

    private static String schemaVersion(Statement s) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success = TRUE"
                + " ORDER BY installed_rank DESC LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
