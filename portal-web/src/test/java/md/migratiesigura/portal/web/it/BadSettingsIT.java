package md.migratiesigura.portal.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A wrong setting ends the start of the packaged jar with one clear line naming it and a non-zero exit code. */
class BadSettingsIT {

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @CsvSource({
            "PORTAL_PORT, abc",
            "PORTAL_PORT, 70000",
            "PORTAL_DB_URL, postgresql://localhost/portal",
            "PORTAL_DB_URL, jdbc:mariadb://127.0.0.1:1/portal",
            "PORTAL_DATA_DIR, /dev/null/portal",
            "PORTAL_CONTENT_DIR, /no/such/folder",
            "PORTAL_TRUSTED_PROXIES, 10.0.0.0/77",
            "PORTAL_CONSULTATION_KEY, c2hvcnQ=",
            "PORTAL_CONSULTATION_RETENTION_DAYS, -5",
    })
    void badSettingIsNamedInOneLine(String variable, String value) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(Map.of("PORTAL_DATA_DIR", dataDir.toString(), "PORTAL_PORT", "0"));
        if (!"PORTAL_DB_URL".equals(variable)) {
            // Keep these fast: no embedded database needed to reach the faulty setting.
            env.put("PORTAL_DB_URL", "jdbc:mariadb://127.0.0.1:1/unused");
        }
        env.put(variable, value);
        PortalProcess portal = PortalProcess.launch(env);
        int exit = portal.waitForExit(Duration.ofSeconds(60));
        String output = portal.output();
        assertTrue(exit != 0, "non-zero exit code");
        String errorLine = output.lines().filter(l -> l.contains("Cannot start")).findFirst().orElse("");
        assertTrue(errorLine.contains(variable), "the error names " + variable + ":\n" + output);
        assertFalse(output.contains("\tat "), "no stack trace:\n" + output);
        assertFalse(output.contains("Exception"), "no exception class names:\n" + output);
        assertEquals(1, output.lines().filter(l -> l.contains("[ERROR]")).count(), "one error line:\n" + output);
    }
}
