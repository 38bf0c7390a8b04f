package md.migratiesigura.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import md.migratiesigura.portal.MutableClock;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.account.AccountException.Reason;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditRecord;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.persistence.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second factor, password changes and ending sessions, on a real MariaDB with a clock the test moves. */
class AccountSecurityTest {

    private static final String ADMIN_PASSWORD = "corect cal baterie capsa";
    private static final String PASSWORD = "o frază lungă de test";

    @TempDir
    static Path dataDir;

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-12T08:00:10Z"));
    private static Database database;
    private static AuditService audit;
    private static UserService users;
    private static SecondFactorService secondFactor;
    private static SignedInUser admin;

    @BeforeAll
    static void open() {
        database = Database.open(TestDatabases.newConfig(dataDir));
        audit = new AuditService(database.sessionFactory(), clock);
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        users = new UserService(database.sessionFactory(), new PasswordHasher(), PasswordPolicy.standard(), audit, clock);
        secondFactor = new SecondFactorService(database.sessionFactory(), audit, clock,
                new md.migratiesigura.portal.consultation.ConsultationCipher(java.util.List.of(key)).asSecretSealer());
        users.ensureAdministrator(Optional.of("admin@example.org"), Optional.of(ADMIN_PASSWORD));
        admin = users.authenticate("admin@example.org", ADMIN_PASSWORD).orElseThrow();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void withTheSecondFactorOnAPasswordAloneDoesNotSignIn() {
        SignedInUser editor = newEditor();
        byte[] secret = Totp.newSecret();
        secondFactor.enableSecondFactor(editor, secret, Totp.code(secret, Totp.step(clock.instant())));
        assertEquals(AuditAction.TOTP_ENABLED, latest().action());

        Authentication half = users.checkPassword(editor.email(), PASSWORD).orElseThrow();
        assertTrue(half.codeRequired());
        assertEquals(AuditAction.LOGIN_CODE_REQUIRED, latest().action());
        assertTrue(users.authenticate(editor.email(), PASSWORD).isEmpty(), "the password alone is not enough");

        clock.set(clock.instant().plusSeconds(30));
        String code = Totp.code(secret, Totp.step(clock.instant()));
        assertTrue(secondFactor.verifyCode(editor.id(), "000000".equals(code) ? "111111" : "000000").isEmpty());
        assertEquals(AuditAction.LOGIN_CODE_FAILED, latest().action());
        Authentication full = secondFactor.verifyCode(editor.id(), code).orElseThrow();
        assertFalse(full.codeRequired());
        assertEquals(AuditAction.LOGIN_SUCCEEDED, latest().action());
        assertTrue(secondFactor.verifyCode(editor.id(), code).isEmpty(), "the same code is never accepted twice");
    }

    @Test
    void theSecondFactorKeyIsStoredEncrypted() {
        SignedInUser editor = newEditor();
        byte[] secret = Totp.newSecret();
        secondFactor.enableSecondFactor(editor, secret, Totp.code(secret, Totp.step(clock.instant())));
        byte[] stored = database.sessionFactory().fromTransaction(session -> session.createNativeQuery(
                        "select totp_secret from users where id = :id", byte[].class)
                .setParameter("id", editor.id())
                .getSingleResult());
        assertTrue(stored.length > secret.length, "sealed: IV and tag around it");
        String hex = java.util.HexFormat.of().formatHex(stored);
        assertFalse(hex.contains(java.util.HexFormat.of().formatHex(secret)), "the key itself is not in the column");
        assertFalse(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains(java.util.Base64.getEncoder().encodeToString(secret)), "nor its Base64 form");
    }

    @Test
    void aWrongConfirmationCodeLeavesTheSecondFactorOff() {
        SignedInUser editor = newEditor();
        byte[] secret = Totp.newSecret();
        String wrong = Totp.code(secret, Totp.step(clock.instant()) + 5);
        assertEquals(Reason.WRONG_CODE,
                assertThrows(AccountException.class, () -> secondFactor.enableSecondFactor(editor, secret, wrong)).reason());
        assertEquals(AuditAction.TOTP_ENROLMENT_FAILED, latest().action());
        assertFalse(secondFactor.hasSecondFactor(editor.id()));
        assertFalse(users.checkPassword(editor.email(), PASSWORD).orElseThrow().codeRequired());
    }

    @Test
    void anAdministratorResetsALostSecondFactor() {
        SignedInUser editor = newEditor();
        byte[] secret = Totp.newSecret();
        secondFactor.enableSecondFactor(editor, secret, Totp.code(secret, Totp.step(clock.instant())));
        assertThrows(AccountException.class, () -> secondFactor.resetSecondFactor(editor, editor.id()), "editors may not");
        secondFactor.resetSecondFactor(admin, editor.id());
        assertEquals(AuditAction.TOTP_RESET, latest().action());
        assertEquals(editor.email(), latest().target());
        assertTrue(users.authenticate(editor.email(), PASSWORD).isPresent());
        assertFalse(users.list().stream().filter(u -> u.id() == editor.id()).findFirst().orElseThrow().secondFactor());
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() {
        SignedInUser editor = newEditor();
        int before = users.checkPassword(editor.email(), PASSWORD).orElseThrow().sessionGeneration();
        assertEquals(Reason.WRONG_PASSWORD, assertThrows(AccountException.class,
                () -> users.changePassword(editor, "not my password", "o parolă nouă și lungă")).reason());
        assertEquals(AuditAction.PASSWORD_CHANGE_FAILED, latest().action());
        assertEquals(Reason.WEAK_PASSWORD, assertThrows(AccountException.class,
                () -> users.changePassword(editor, PASSWORD, "password1234")).reason());
        assertTrue(users.active(editor.id(), before).isPresent(), "nothing changed yet");

        int after = users.changePassword(editor, PASSWORD, "o parolă nouă și lungă");
        assertEquals(AuditAction.PASSWORD_CHANGED, latest().action());
        assertTrue(users.active(editor.id(), before).isEmpty(), "sessions signed in before are ended");
        assertTrue(users.active(editor.id(), after).isPresent(), "the session that changed it goes on");
        assertTrue(users.authenticate(editor.email(), PASSWORD).isEmpty());
        assertTrue(users.authenticate(editor.email(), "o parolă nouă și lungă").isPresent());
    }

    @Test
    void anAdministratorResetsAPasswordAndEndsSessions() {
        SignedInUser editor = newEditor();
        int generation = users.checkPassword(editor.email(), PASSWORD).orElseThrow().sessionGeneration();
        assertThrows(AccountException.class, () -> users.resetPassword(editor, editor.id(), "o parolă de la altcineva"));
        users.resetPassword(admin, editor.id(), "o parolă pusă de administrator");
        assertEquals(AuditAction.PASSWORD_RESET, latest().action());
        assertEquals(editor.email(), latest().target());
        assertTrue(users.active(editor.id(), generation).isEmpty());
        assertTrue(users.authenticate(editor.email(), "o parolă pusă de administrator").isPresent());
    }

    @Test
    void anAdministratorEndsAUsersSessions() {
        SignedInUser editor = newEditor();
        int generation = users.checkPassword(editor.email(), PASSWORD).orElseThrow().sessionGeneration();
        assertThrows(AccountException.class, () -> users.endSessions(editor, admin.id()), "editors may not");
        users.endSessions(admin, editor.id());
        assertEquals(AuditAction.SESSIONS_ENDED, latest().action());
        assertTrue(users.active(editor.id(), generation).isEmpty());
        int next = users.checkPassword(editor.email(), PASSWORD).orElseThrow().sessionGeneration();
        assertTrue(users.active(editor.id(), next).isPresent(), "signing in again works");
    }

    private static SignedInUser newEditor() {
        clock.set(clock.instant().plus(Duration.ofMinutes(2)));
        String email = "editor-" + System.nanoTime() + "@example.org";
        users.create(admin, new NewUser(email, "Editor", Role.EDITOR, PASSWORD));
        return users.authenticate(email, PASSWORD).orElseThrow();
    }

    private static AuditRecord latest() {
        return audit.newest(0, 1).get(0);
    }
}
