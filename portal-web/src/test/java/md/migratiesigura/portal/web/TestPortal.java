package md.migratiesigura.portal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import md.migratiesigura.portal.PortalCore;
import md.migratiesigura.portal.PortalServices;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.account.NewUser;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.riskcheck.Tier;
import org.apache.wicket.util.string.Strings;

/**
 * One real core (its own test database, the bundled content) shared by the web tests of a JVM, with a first
 * administrator who has already replaced the one-time password of the settings by one the tests know.
 */
public final class TestPortal {

    public static final String ADMIN_EMAIL = "admin@example.org";
    public static final String ADMIN_PASSWORD = "administrator passphrase for tests";
    /**
     * The first administrator's password in the settings ({@code PORTAL_ADMIN_PASSWORD}): a one-time password, which
     * {@link #firstPasswordChanged} replaces by {@link #ADMIN_PASSWORD} as the administrator does at the first sign-in.
     */
    public static final String ADMIN_ONE_TIME_PASSWORD = "one-time administrator passphrase for tests";
    /** The password of every account made by {@link #newStaff}. */
    public static final String STAFF_PASSWORD = "staff passphrase for tests";
    /** The consultations' encryption key (base64), known to tests so that they can sign a form stamp. */
    public static final String CONSULTATION_KEY = "q3b0bXdJc0xrT1lYcVpCVlJ0c2FkR0t4bGJ2V2Fvb0Y=";

    private static PortalConfig config;
    private static PortalServices services;

    private TestPortal() {
    }

    public static synchronized PortalServices services() {
        if (services == null) {
            services = PortalCore.start(config());
            firstPasswordChanged(services);
            Runtime.getRuntime().addShutdownHook(new Thread(services::close, "close-test-portal"));
        }
        return services;
    }

    public static synchronized PortalConfig config() {
        if (config == null) {
            config = newConfig("portal-web-test");
        }
        return config;
    }

    /**
     * The settings of a core of its own (its own test database and data folder, the bundled content, the same first
     * administrator), for tests whose changes must not reach what the others see on the shared core.
     */
    public static PortalConfig newConfig(String name) {
        try {
            Map<String, String> env = TestDatabases.portalEnvironment(Files.createTempDirectory(name));
            env.put("PORTAL_ADMIN_EMAIL", ADMIN_EMAIL);
            env.put("PORTAL_ADMIN_PASSWORD", ADMIN_ONE_TIME_PASSWORD);
            env.put("PORTAL_CONSULTATION_KEY", CONSULTATION_KEY);
            return PortalConfig.from(env, new Properties());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first administrator of a core started with {@link #ADMIN_ONE_TIME_PASSWORD} replaces it by
     * {@link #ADMIN_PASSWORD}, as they must at their first sign-in; the back office then opens for them.
     */
    public static void firstPasswordChanged(PortalServices core) {
        SignedInUser admin = core.users().authenticate(ADMIN_EMAIL, ADMIN_ONE_TIME_PASSWORD).orElseThrow();
        core.users().changePassword(admin, ADMIN_ONE_TIME_PASSWORD, ADMIN_PASSWORD);
    }

    /** A fresh application on the shared core, as the server builds it. */
    public static PortalApplication newApplication() {
        return new PortalApplication(services(), config());
    }

    /** A fresh application whose sessions and login throttle read the given clock. */
    public static PortalApplication newApplication(Clock clock) {
        return new PortalApplication(services(), config(), clock);
    }

    /** Creates an account with a new e-mail, the given role and {@link #STAFF_PASSWORD}; returns its e-mail. */
    public static String newStaff(Role role) {
        return newStaff(services(), role);
    }

    /** {@link #newStaff(Role)} on a core of a test's own. */
    public static String newStaff(PortalServices core, Role role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        core.users().create(administrator(core), new NewUser(email, "Test " + role.name().toLowerCase(), role,
                STAFF_PASSWORD));
        return email;
    }

    /** The first administrator, as a service call sees them. */
    public static SignedInUser administrator() {
        return administrator(services());
    }

    /** {@link #administrator()} on a core of a test's own. */
    public static SignedInUser administrator(PortalServices core) {
        return core.users().list().stream()
                .filter(u -> u.email().equals(ADMIN_EMAIL))
                .map(u -> new SignedInUser(u.id(), u.email(), u.displayName(), u.role()))
                .findFirst().orElseThrow();
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

    /**
     * The page without its inlined stylesheet, for assertions about what the page shows: a class name that the
     * stylesheet styles is always in the {@code <style>} block of a public page, whether or not the page uses it.
     */
    public static String withoutStyle(String html) {
        return html.replaceFirst("(?s)<style[^>]*>.*?</style>", "<style></style>");
    }

    /** The text as the page's markup shows it. */
    public static String escape(String text) {
        return Strings.escapeMarkup(text).toString();
    }
}
