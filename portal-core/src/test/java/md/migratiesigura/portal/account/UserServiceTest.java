package md.migratiesigura.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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

/** Accounts and the audit log on a real MariaDB. */
class UserServiceTest {

    private static final String ADMIN_PASSWORD = "corect cal baterie capsa";

    @TempDir
    static Path dataDir;

    private static Database database;
    private static AuditService audit;
    private static UserService users;
    private static SignedInUser admin;

    @BeforeAll
    static void open() {
        database = Database.open(TestDatabases.newConfig(dataDir));
        audit = new AuditService(database.sessionFactory(), Clock.systemUTC());
        users = new UserService(database.sessionFactory(), new PasswordHasher(), PasswordPolicy.standard(), audit,
                Clock.systemUTC());
        users.ensureAdministrator(Optional.of("admin@example.org"), Optional.of(ADMIN_PASSWORD));
        admin = users.authenticate("admin@example.org", ADMIN_PASSWORD).orElseThrow();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void signsInWithTheRightPasswordWhateverTheCaseOfTheEmail() {
        Optional<SignedInUser> user = users.authenticate("  Admin@Example.ORG ", ADMIN_PASSWORD);
        assertTrue(user.isPresent());
        assertEquals(Role.ADMINISTRATOR, user.get().role());
        assertEquals(AuditAction.LOGIN_SUCCEEDED, latest().action());
        assertEquals("admin@example.org", latest().actorEmail());
    }

    @Test
    void aWrongPasswordIsRecordedWithTheAccountButAnUnknownEmailIsNot() {
        assertTrue(users.authenticate("admin@example.org", "not the password").isEmpty());
        AuditRecord wrong = latest();
        assertEquals(AuditAction.LOGIN_FAILED, wrong.action());
        assertEquals("admin@example.org", wrong.actorEmail());
        assertEquals("wrong-password", wrong.detail());

        assertTrue(users.authenticate("someone.typed.this@example.org", "whatever").isEmpty());
        AuditRecord unknown = latest();
        assertEquals(AuditAction.LOGIN_FAILED, unknown.action());
        assertNull(unknown.actorEmail());
        assertEquals("unknown-account", unknown.detail());
        assertFalse(String.valueOf(unknown.target()).contains("someone.typed.this"), "the typed text is not kept");
    }

    @Test
    void anUnknownEmailTakesAboutAsLongAsAWrongPassword() {
        // Both pay for one Argon2 verification; warm up first so class loading does not count.
        users.authenticate("nobody@example.org", "x");
        long unknown = time(() -> users.authenticate("nobody@example.org", "some password"));
        long wrong = time(() -> users.authenticate("admin@example.org", "some password"));
        assertTrue(unknown > wrong / 3, "unknown " + unknown / 1_000_000 + " ms, wrong " + wrong / 1_000_000 + " ms");
    }

    @Test
    void anAdministratorCreatesAnEditorWhoCanThenSignIn() {
        UserSummary created = users.create(admin, new NewUser(" Editor.One@Example.org", "Editor One", Role.EDITOR,
                "o frază lungă de test"));
        assertEquals("editor.one@example.org", created.email());
        assertTrue(users.list().stream().anyMatch(u -> u.email().equals("editor.one@example.org") && u.enabled()
                && u.role() == Role.EDITOR));
        AuditRecord entry = latest();
        assertEquals(AuditAction.USER_CREATED, entry.action());
        assertEquals("admin@example.org", entry.actorEmail());
        assertEquals("editor.one@example.org", entry.target());
        assertEquals(Role.EDITOR, users.authenticate("editor.one@example.org", "o frază lungă de test").orElseThrow().role());
    }

    @Test
    void aWeakPasswordOrATakenEmailSavesNothing() {
        int before = users.list().size();
        long entries = audit.count();
        assertEquals(Reason.WEAK_PASSWORD, assertThrows(AccountException.class, () -> users.create(admin,
                new NewUser("weak@example.org", "Weak", Role.EDITOR, "password1234"))).reason());
        assertEquals(Reason.WEAK_PASSWORD, assertThrows(AccountException.class, () -> users.create(admin,
                new NewUser("short@example.org", "Short", Role.EDITOR, "elevenchars"))).reason());
        assertEquals(Reason.EMAIL_TAKEN, assertThrows(AccountException.class, () -> users.create(admin,
                new NewUser("ADMIN@example.org", "Again", Role.EDITOR, "a perfectly fine passphrase"))).reason());
        assertEquals(Reason.INVALID_EMAIL, assertThrows(AccountException.class, () -> users.create(admin,
                new NewUser("not an address", "X", Role.EDITOR, "a perfectly fine passphrase"))).reason());
        assertEquals(before, users.list().size());
        assertEquals(entries, audit.count(), "a refused change is not recorded as done");
    }

    @Test
    void onlyAnAdministratorMayCreateAccounts() {
        users.create(admin, new NewUser("trainer@example.org", "Trainer", Role.TRAINER, "trainer passphrase 1"));
        SignedInUser trainer = users.authenticate("trainer@example.org", "trainer passphrase 1").orElseThrow();
        assertEquals(Reason.NOT_ALLOWED, assertThrows(AccountException.class, () -> users.create(trainer,
                new NewUser("another@example.org", "Another", Role.ADMINISTRATOR, "a perfectly fine passphrase"))).reason());
        assertTrue(users.list().stream().noneMatch(u -> u.email().equals("another@example.org")));
    }

    @Test
    void aDisabledAccountCannotSignInUntilEnabledAgain() {
        UserSummary counsellor = users.create(admin, new NewUser("counsellor@example.org", "Counsellor",
                Role.COUNSELLOR, "counsellor passphrase"));
        users.setEnabled(admin, counsellor.id(), false);
        assertEquals(AuditAction.USER_DISABLED, latest().action());
        assertEquals("counsellor@example.org", latest().target());
        assertTrue(users.active(counsellor.id()).isEmpty());
        assertTrue(users.authenticate("counsellor@example.org", "counsellor passphrase").isEmpty());
        assertEquals("account-disabled", latest().detail());

        users.setEnabled(admin, counsellor.id(), true);
        assertEquals(AuditAction.USER_ENABLED, latest().action());
        assertTrue(users.authenticate("counsellor@example.org", "counsellor passphrase").isPresent());
    }

    @Test
    void anAdministratorCannotDisableThemself() {
        assertEquals(Reason.CANNOT_DISABLE_SELF, assertThrows(AccountException.class,
                () -> users.setEnabled(admin, admin.id(), false)).reason());
        assertTrue(users.active(admin.id()).isPresent());
    }

    @Test
    void theAuditLogIsReadNewestFirstInPages() {
        for (int i = 0; i < 3; i++) {
            audit.record(admin, AuditAction.ACCESS_DENIED, "admin/page-" + i, null);
        }
        List<AuditRecord> firstTwo = audit.newest(0, 2);
        assertEquals(List.of("admin/page-2", "admin/page-1"), firstTwo.stream().map(AuditRecord::target).toList());
        assertEquals("admin/page-0", audit.newest(2, 1).get(0).target());
        assertTrue(audit.count() >= 3);
    }

    private static AuditRecord latest() {
        return audit.newest(0, 1).get(0);
    }

    private static long time(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return System.nanoTime() - start;
    }
}
