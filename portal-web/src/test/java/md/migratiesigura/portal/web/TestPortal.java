package md.migratiesigura.portal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import md.migratiesigura.portal.PortalCore;
import md.migratiesigura.portal.PortalServices;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.riskcheck.Tier;

/** One real core (its own test database, the bundled content) shared by the web tests of a JVM. */
public final class TestPortal {

    private static PortalConfig config;
    private static PortalServices services;

    private TestPortal() {
    }

    public static synchronized PortalServices services() {
        if (services == null) {
            services = PortalCore.start(config());
            Runtime.getRuntime().addShutdownHook(new Thread(services::close, "close-test-portal"));
        }
        return services;
    }

    public static synchronized PortalConfig config() {
        if (config == null) {
            try {
                config = TestDatabases.newConfig(Files.createTempDirectory("portal-web-test"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return config;
    }

    /** A fresh application on the shared core, as the server builds it. */
    public static PortalApplication newApplication() {
        return new PortalApplication(services(), config());
    }

    public static Path dataDir() {
        return config().dataDir();
    }

    /** How many checks of a tier the shared core has counted this month (Chisinau time). */
    public static long checksCountedThisMonth(Tier tier) {
        YearMonth now = YearMonth.now(ZoneId.of("Europe/Chisinau"));
        return services().riskCheck().monthlyCounts(now.getYear()).stream()
                .filter(m -> m.month().equals(now)).findFirst()
                .map(m -> m.byTier().getOrDefault(tier, 0L)).orElse(0L);
    }
}
