package md.migratiesigura.portal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import md.migratiesigura.portal.PortalCore;
import md.migratiesigura.portal.PortalServices;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.config.PortalConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes started at the same moment on an empty database (a first deployment of a cluster) both come up. */
class NodesStartTogetherTest {

    @TempDir
    Path work;

    @Test
    void twoNodesStartingTogetherOnAnEmptyDatabaseBothServeTheSameContent() throws Exception {
        Map<String, String> env = TestDatabases.portalEnvironment(Files.createDirectory(work.resolve("a")));
        Map<String, String> envB = new java.util.HashMap<>(env);
        envB.put("PORTAL_DATA_DIR", Files.createDirectory(work.resolve("b")).toString());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<PortalServices>> nodes = new ArrayList<>();
        try {
            for (Map<String, String> e : List.of(env, envB)) {
                nodes.add(pool.submit(() -> {
                    go.await();
                    return PortalCore.start(PortalConfig.from(e, new Properties()));
                }));
            }
            go.countDown();
            try (PortalServices a = nodes.get(0).get(); PortalServices b = nodes.get(1).get()) {
                long published = a.articles().countPublished(Language.RO);
                assertEquals(published, b.articles().countPublished(Language.RO));
                assertEquals(true, published > 0, "the content was imported once, by one of them");
            }
        } finally {
            pool.shutdown();
        }
    }
}
