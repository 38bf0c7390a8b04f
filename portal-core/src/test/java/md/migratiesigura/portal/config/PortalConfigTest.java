package md.migratiesigura.portal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PortalConfigTest {

    private static PortalConfig read(Map<String, String> env) {
        return PortalConfig.from(env, new Properties());
    }

    /** Reads one bad setting and checks the error an operator sees: it names the variable and quotes the value. */
    private static ConfigException rejected(String variable, String value) {
        ConfigException e = assertThrows(ConfigException.class, () -> read(Map.of(variable, value)),
                variable + "=" + value + " must stop the start");
        assertEquals(variable, e.setting(), "the error names the variable at fault");
        assertTrue(e.getMessage().startsWith(variable + ": "), "the message starts with the variable: " + e.getMessage());
        assertTrue(e.getMessage().contains("'" + value + "'"), "the message quotes the bad value: " + e.getMessage());
        return e;
    }

    @Test
    void withNothingSetThePortalUsesItsDefaults() {
        PortalConfig config = read(Map.of());

        assertEquals(8080, config.port());
        assertEquals(Path.of("data").toAbsolutePath().normalize(), config.dataDir());
        assertTrue(config.dataDir().isAbsolute(), "the data directory is made absolute: " + config.dataDir());
        assertEquals(Optional.empty(), config.dbUrl(), "no URL means the embedded database");
        assertEquals("root", config.dbUser());
        assertEquals("", config.dbPassword());
        assertEquals(Optional.empty(), config.contentDir(), "no folder means the bundled content");
        assertEquals(Optional.empty(), config.adminEmail());
        assertEquals(Optional.empty(), config.adminPassword());
        assertEquals(List.of(), config.trustedProxies());
        assertEquals("http://localhost:8080", config.publicBaseUrl());
    }

    @Test
    void systemPropertyOverridesTheEnvironmentVariable() {
        Properties properties = new Properties();
        properties.setProperty("portal.db.url", "jdbc:mariadb://from-property:3306/portal");

        PortalConfig config = PortalConfig.from(Map.of("PORTAL_DB_URL", "jdbc:mariadb://from-env:3306/portal"), properties);

        assertEquals(Optional.of("jdbc:mariadb://from-property:3306/portal"), config.dbUrl());
    }

    @Test
    void environmentVariableIsUsedWhenNoPropertyIsSet() {
        PortalConfig config = read(Map.of("PORTAL_DB_URL", "jdbc:mariadb://from-env:3306/portal", "PORTAL_DB_USER", "portal"));

        assertEquals(Optional.of("jdbc:mariadb://from-env:3306/portal"), config.dbUrl());
        assertEquals("portal", config.dbUser());
    }

    @Test
    void goodValuesAreAcceptedAndTidied() {
        PortalConfig config = read(Map.of(
                "PORTAL_PORT", " 0 ",
                "PORTAL_ADMIN_EMAIL", "Admin@MigratieSigura.md",
                "PORTAL_BASE_URL", "https://migratiesigura.md/",
                "PORTAL_TRUSTED_PROXIES", "10.0.0.0/8, ::1 192.168.1.7"));

        assertEquals(0, config.port(), "0 asks for any free port");
        assertEquals(Optional.of("admin@migratiesigura.md"), config.adminEmail());
        assertEquals("https://migratiesigura.md", config.publicBaseUrl(), "no trailing slash");
        assertEquals(3, config.trustedProxies().size(), "commas and spaces both separate ranges");
        assertTrue(config.trustedProxies().get(2).contains("192.168.1.7"));
    }

    @Test
    void portThatIsNotANumberNamesTheVariable() {
        rejected("PORTAL_PORT", "abc");
    }

    @Test
    void portOutOfRangeNamesTheVariable() {
        rejected("PORTAL_PORT", "70000");
        rejected("PORTAL_PORT", "65536");
    }

    @Test
    void negativePortNamesTheVariable() {
        rejected("PORTAL_PORT", "-1");
    }

    @Test
    void databaseUrlOfAnotherKindNamesTheVariable() {
        rejected("PORTAL_DB_URL", "postgres://x");
    }

    @Test
    void adminEmailWithoutAnAtSignNamesTheVariable() {
        rejected("PORTAL_ADMIN_EMAIL", "not-an-email");
    }

    @Test
    void baseUrlThatIsNotHttpNamesTheVariable() {
        rejected("PORTAL_BASE_URL", "ftp://x");
    }

    @Test
    void baseUrlWithoutAHostNamesTheVariable() {
        rejected("PORTAL_BASE_URL", "/relative/path");
    }

    @Test
    void trustedProxyWithAnImpossiblePrefixNamesTheVariable() {
        rejected("PORTAL_TRUSTED_PROXIES", "10.0.0.0/99");
    }

    @Test
    void trustedProxyGivenAsAHostNameIsRejected() {
        // Quick, and without a name lookup: IpRangeTest checks in a JVM whose resolver knows these names.
        rejected("PORTAL_TRUSTED_PROXIES", "example.com");
        rejected("PORTAL_TRUSTED_PROXIES", "localhost");
    }

    @Test
    void oneBadRangeAmongGoodOnesIsTheOneQuoted() {
        ConfigException e = rejected("PORTAL_TRUSTED_PROXIES", "10.0.0.0/99");
        ConfigException mixed = assertThrows(ConfigException.class,
                () -> read(Map.of("PORTAL_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/99, ::1")));
        assertEquals(e.getMessage(), mixed.getMessage());
    }

    @Test
    void passwordParameterInABadDatabaseUrlIsRedacted() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> read(Map.of("PORTAL_DB_URL", "jdbc:postgresql://db:5432/portal?user=portal&password=s3cret-Pa55")));

        assertEquals("PORTAL_DB_URL", e.setting());
        assertFalse(e.getMessage().contains("s3cret-Pa55"), "the password must not reach the log: " + e.getMessage());
        assertTrue(e.getMessage().contains("jdbc:postgresql://db:5432/portal"), "the rest of the URL helps: " + e.getMessage());
    }

    @Test
    void passwordInTheUserInfoOfABadDatabaseUrlIsRedacted() {
        // The usual mistake: a DATABASE_URL-style address pasted without the jdbc: prefix.
        ConfigException e = assertThrows(ConfigException.class,
                () -> read(Map.of("PORTAL_DB_URL", "mysql://portal:s3cret-Pa55@db:3306/portal")));

        assertEquals("PORTAL_DB_URL", e.setting());
        assertFalse(e.getMessage().contains("s3cret-Pa55"), "the password must not reach the log: " + e.getMessage());
    }

    @Test
    void clusterUrlsWithSeveralHostsAreAccepted() {
        String plain = "jdbc:mariadb://127.0.0.1:3311,127.0.0.1:3312,127.0.0.1:3313/portal";
        String sequential = "jdbc:mariadb:sequential://db1:3306,db2:3306,db3:3306/portal?connectTimeout=2000";

        assertEquals(Optional.of(plain), read(Map.of("PORTAL_DB_URL", plain)).dbUrl());
        assertEquals(Optional.of(sequential), read(Map.of("PORTAL_DB_URL", sequential)).dbUrl());
        assertEquals(3, PortalConfig.dbHostCount(plain));
        assertEquals(3, PortalConfig.dbHostCount(sequential));
        assertEquals(1, PortalConfig.dbHostCount("jdbc:mariadb://db:3306/portal?user=a"));
    }

    @Test
    void modesThatWriteThroughSeveralNodesAtOnceAreRefusedWithTheReason() {
        for (String mode : new String[] {"loadbalance", "replication", "load-balance-read"}) {
            ConfigException e = assertThrows(ConfigException.class, () -> read(Map.of("PORTAL_DB_URL",
                    "jdbc:mariadb:" + mode + "://db1,db2,db3/portal?password=s3cret-Pa55")));

            assertEquals("PORTAL_DB_URL", e.setting());
            assertTrue(e.getMessage().contains("must not be a " + mode + " URL"), e.getMessage());
            assertTrue(e.getMessage().contains("jdbc:mariadb:sequential://"), "names what to use: " + e.getMessage());
            assertFalse(e.getMessage().contains("s3cret-Pa55"), e.getMessage());
        }
    }
}
