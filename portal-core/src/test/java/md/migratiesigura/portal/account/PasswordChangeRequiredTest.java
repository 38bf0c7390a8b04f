package md.migratiesigura.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import md.migratiesigura.portal.MutableClock;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.account.AccountException.Reason;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.persistence.Database;
import md.migratiesigura.portal.common.SecretSealer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password someone else knows (the first administrator's one-time password, one set by an administrator's reset)
 * is flagged until its user replaces it, on a real MariaDB.
 */
class PasswordChangeRequiredTest {

    private static final String ONE_TIME = "parola din PORTAL_ADMIN_PASSWORD";
    private static final String CHOSEN = "parola aleasă de administrator";
    private static final String PASSWORD = "o frază lungă de redactor";

    @TempDir
    static Path dataDir;

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T08:00:10Z"));
    private static Database database;
    private static UserService users;
    private static SecondFactorService secondFactor;

    @BeforeAll
    static void open() {
        database = Database.open(TestDatabases.newConfig(dataDir));
        users = new UserService(database.sessionFactory(), new PasswordHasher(), PasswordPolicy.standard(),
                new AuditService(database.sessionFactory(), clock), clock);
        secondFactor = new SecondFactorService(database.sessionFactory(),
                new AuditService(database.sessionFactory(), clock), clock, SecretSealer.NONE);
        users.ensureAdministrator(Optional.of("admin@example.org"), Optional.of(ONE_TIME));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void theFirstAdministratorMustReplaceTheOneTimePasswordWithAnotherOne() throws Exception {
        Authentication first = users.checkPassword("admin@example.org", ONE_TIME).orElseThrow();
        assertTrue(first.passwordChangeRequired(), "set from a setting: a one-time password");
        assertEquals(1, flaggedAccounts());

        SignedInUser admin = first.user();
        assertEquals(Reason.SAME_PASSWORD, assertThrows(AccountException.class,
                () -> users.changePassword(admin, ONE_TIME, ONE_TIME)).reason());
        assertTrue(users.checkPassword("admin@example.org", ONE_TIME).orElseThrow().passwordChangeRequired(),
                "typing it again is no change");

        users.changePassword(admin, ONE_TIME, CHOSEN);
        assertFalse(users.checkPassword("admin@example.org", CHOSEN).orElseThrow().passwordChangeRequired());
        assertTrue(users.checkPassword("admin@example.org", ONE_TIME).isEmpty());
        assertEquals(0, flaggedAccounts());
    }

    @Test
    void aPasswordAnAdministratorResetMustBeReplacedEvenWithTheSecondFactorOn() {
        SignedInUser admin = administrator();
        String email = "redactor-" + System.nanoTime() + "@example.org";
        users.create(admin, new NewUser(email, "Redactor", Role.EDITOR, PASSWORD));
        Authentication created = users.checkPassword(email, PASSWORD).orElseThrow();
        assertFalse(created.passwordChangeRequired(), "an account an administrator creates is not flagged");
        byte[] secret = Totp.newSecret();
        secondFactor.enableSecondFactor(created.user(), secret, Totp.code(secret, Totp.step(clock.instant())));

        users.resetPassword(admin, created.user().id(), "parola temporară de la administrator");
        assertTrue(users.checkPassword(email, "parola temporară de la administrator").orElseThrow()
                .passwordChangeRequired());
        clock.set(clock.instant().plusSeconds(60));
        Authentication withCode = secondFactor.verifyCode(created.user().id(), Totp.code(secret, Totp.step(clock.instant())))
                .orElseThrow();
        assertTrue(withCode.passwordChangeRequired(), "the second step says so too");

        users.changePassword(created.user(), "parola temporară de la administrator", "parola mea nouă și lungă");
        assertFalse(users.checkPassword(email, "parola mea nouă și lungă").orElseThrow().passwordChangeRequired());
    }

    /** The administrator, whatever their password is by now. */
    private static SignedInUser administrator() {
        return users.list().stream().filter(u -> u.role() == Role.ADMINISTRATOR).findFirst()
                .map(u -> new SignedInUser(u.id(), u.email(), u.displayName(), u.role())).orElseThrow();
    }

    private static int flaggedAccounts() throws Exception {
        try (Connection c = database.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM users WHERE password_change_required")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
