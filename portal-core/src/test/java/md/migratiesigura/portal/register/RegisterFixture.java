package md.migratiesigura.portal.register;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import md.migratiesigura.portal.MutableClock;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.account.NewUser;
import md.migratiesigura.portal.account.PasswordHasher;
import md.migratiesigura.portal.account.PasswordPolicy;
import md.migratiesigura.portal.account.UserService;
import md.migratiesigura.portal.account.UserSummary;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.persistence.Database;

/** A database with an administrator and two counsellors, and a register service on a clock the test moves. */
final class RegisterFixture implements AutoCloseable {

    final Database database;
    final MutableClock clock;
    final AuditService audit;
    final RegisterService register;
    final SignedInUser admin;
    final SignedInUser counsellor;
    final SignedInUser otherCounsellor;

    RegisterFixture(Path dataDir, Instant now) {
        database = Database.open(TestDatabases.newConfig(dataDir));
        clock = new MutableClock(now);
        audit = new AuditService(database.sessionFactory(), clock);
        UserService users = new UserService(database.sessionFactory(), new PasswordHasher(), PasswordPolicy.standard(),
                audit, clock);
        users.ensureAdministrator(Optional.of("admin@example.org"), Optional.of("o parolă lungă de administrator"));
        admin = signedIn(users.list().get(0));
        counsellor = signedIn(users.create(admin, new NewUser("ana@example.org", "Ana", Role.COUNSELLOR,
                "o parolă lungă de consilieră")));
        otherCounsellor = signedIn(users.create(admin, new NewUser("ion@example.org", "Ion", Role.COUNSELLOR,
                "o parolă lungă de consilier")));
        register = new RegisterService(database.sessionFactory(), audit, Set.of("job-offer", "other"), clock);
    }

    private static SignedInUser signedIn(UserSummary u) {
        return new SignedInUser(u.id(), u.email(), u.displayName(), u.role());
    }

    void emptyRegister() throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM register_entries");
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
