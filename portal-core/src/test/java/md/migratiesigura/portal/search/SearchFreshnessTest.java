package md.migratiesigura.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import md.migratiesigura.portal.PortalCore;
import md.migratiesigura.portal.PortalServices;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.config.PortalConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole core: what is published shows in search within two seconds; the index follows the database. */
class SearchFreshnessTest {

    @TempDir
    Path dataDir;

    @Test
    void bundledArticlesAreSearchableAfterStart() {
        try (PortalServices portal = PortalCore.start(TestDatabases.newConfig(dataDir))) {
            SearchResults ro = portal.search().search(SearchQuery.of("pasaport", Language.RO));
            SearchResults ru = portal.search().search(SearchQuery.of("паспорта", Language.RU));
            assertTrue(ro.total() > 0 && ru.total() > 0, "both languages are indexed at the first start");
            assertEquals("article", ro.hits().get(0).type());
        }
    }

    @Test
    void aChangeWrittenToTheDatabaseIsSearchableWithinTwoSeconds() throws Exception {
        PortalConfig config = TestDatabases.newConfig(dataDir);
        try (PortalServices portal = PortalCore.start(config)) {
            String key = "verificare-oferta-munca";
            assertTrue(found(portal, "oferta"), "found before the change");
            // An editor unpublishes the article: the change and its outbox row are one transaction.
            try (var db = md.migratiesigura.portal.persistence.Database.open(config)) {
                db.sessionFactory().inTransaction(session -> {
                    session.createNativeMutationQuery("update article_translations t join articles a on a.id = t.article_id"
                            + " set t.status = 'UNPUBLISHED' where a.article_key = :key").setParameter("key", key).executeUpdate();
                    SearchOutbox.changed(session, "article", key, Instant.now());
                });
            }
            long deadline = System.nanoTime() + 2_000_000_000L;
            boolean gone = false;
            while (!gone && System.nanoTime() < deadline) {
                gone = portal.search().search(SearchQuery.of("oferta", Language.RO)).hits().stream()
                        .noneMatch(h -> h.key().equals(key));
                Thread.sleep(50);
            }
            assertTrue(gone, "the unpublished article left the results within two seconds");
        }
    }

    @Test
    void aRestartResumesFromTheIndexedPositionWithoutARebuild() {
        PortalConfig config = TestDatabases.newConfig(dataDir);
        try (PortalServices portal = PortalCore.start(config)) {
            assertTrue(found(portal, "pasaport"));
        }
        PortalConfig noContent = PortalConfig.from(java.util.Map.of(
                "PORTAL_DB_URL", config.dbUrl().orElseThrow(), "PORTAL_DB_USER", config.dbUser(),
                "PORTAL_DB_PASSWORD", config.dbPassword(), "PORTAL_DATA_DIR", dataDir.toString(),
                "PORTAL_CONTENT_DIR", dataDir.resolve("index").toString()), new Properties());
        try (PortalServices portal = PortalCore.start(noContent)) {
            assertTrue(found(portal, "pasaport"), "the kept index answers at once");
        }
    }

    private static boolean found(PortalServices portal, String word) {
        return portal.search().search(new SearchQuery(word, Language.RO, false, Optional.empty(), Optional.empty(), 1, 50))
                .total() > 0;
    }
}
