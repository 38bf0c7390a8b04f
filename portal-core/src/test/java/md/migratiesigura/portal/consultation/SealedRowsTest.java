package md.migratiesigura.portal.consultation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import md.migratiesigura.portal.MutableClock;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.account.NewUser;
import md.migratiesigura.portal.account.PasswordHasher;
import md.migratiesigura.portal.account.PasswordPolicy;
import md.migratiesigura.portal.account.Totp;
import md.migratiesigura.portal.account.SecondFactorService;
import md.migratiesigura.portal.account.UserService;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SealedColumn;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.persistence.Database;
import md.migratiesigura.portal.persistence.Leases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sealed values are bound to their row, on a real MariaDB: a value copied to another row does not open there, values
 * sealed by the former format still open, and after {@link Resealer} a portal with only the new key opens them all.
 */
class SealedRowsTest {

    private static final String ADMIN_PASSWORD = "o parolă lungă de administrator";
    private static final String PASSWORD = "o parolă lungă de consilier";

    private static Database database;
    private static MutableClock clock;
    private static AuditService audit;
    private static SignedInUser admin;
    private static int addresses;

    private byte[] oldKey;
    private byte[] newKey;

    @BeforeAll
    static void open(@TempDir Path dataDir) {
        database = Database.open(TestDatabases.newConfig(dataDir));
        clock = new MutableClock(Instant.parse("2026-04-01T09:00:00Z"));
        audit = new AuditService(database.sessionFactory(), clock);
        UserService users = users(new ConsultationCipher(List.of(new byte[32])));
        users.ensureAdministrator(Optional.of("admin@example.org"), Optional.of(ADMIN_PASSWORD));
        admin = users.authenticate("admin@example.org", ADMIN_PASSWORD).orElseThrow();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void newKeysAndNoConsultations() throws Exception {
        oldKey = key();
        newKey = key();
        clock.set(clock.instant().plus(Duration.ofMinutes(5)));
        try (Connection c = database.dataSource().getConnection()) {
            c.createStatement().execute("DELETE FROM consultations");
            c.createStatement().execute("UPDATE users SET totp_secret = NULL, totp_last_step = NULL");
        }
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static UserService users(ConsultationCipher cipher) {
        return new UserService(database.sessionFactory(), new PasswordHasher(), PasswordPolicy.standard(), audit, clock);
    }

    private static SecondFactorService secondFactor(ConsultationCipher cipher) {
        return new SecondFactorService(database.sessionFactory(), audit, clock, cipher.asSecretSealer());
    }

    private static ConsultationService consultations(ConsultationCipher cipher) {
        return new ConsultationService(database.sessionFactory(), cipher, ReplyMailer.off(), audit, new PasswordHasher(),
                90, Duration.ZERO, clock);
    }

    private static Resealer resealer(ConsultationCipher cipher) {
        List<SealedColumn> columns = new ArrayList<>(ConsultationService.SEALED);
        columns.add(SecondFactorService.TOTP_SECRET);
        return new Resealer(database.dataSource(), cipher, new Leases(database.dataSource()), columns);
    }

    private static long ask(ConsultationService service, String question, String contact) {
        Submitted submitted = service.submit(new NewConsultation(Language.RO, Topic.JOB_OFFER, question, false,
                contact == null ? Channel.TICKET : Channel.PHONE, contact), "198.51.100." + (++addresses));
        return service.inbox(InboxFilter.OPEN, admin).stream().filter(i -> i.ticket().equals(submitted.ticket()))
                .findFirst().orElseThrow().id();
    }

    /** A counsellor with the second factor on; returns the account and its app's secret. */
    private static SignedInUser counsellorWithCode(ConsultationCipher cipher, byte[] secret) {
        UserService users = users(cipher);
        String email = "consilier-" + System.nanoTime() + "@example.org";
        users.create(admin, new NewUser(email, "Consilier", Role.COUNSELLOR, PASSWORD));
        SignedInUser counsellor = users.authenticate(email, PASSWORD).orElseThrow();
        secondFactor(cipher).enableSecondFactor(counsellor, secret, Totp.code(secret, Totp.step(clock.instant())));
        return counsellor;
    }

    private static byte[] read(String table, String column, long id) throws Exception {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM " + table + " WHERE id = ?")) {
            s.setLong(1, id);
            ResultSet rs = s.executeQuery();
            assertTrue(rs.next());
            return rs.getBytes(1);
        }
    }

    private static void write(String table, String column, long id, byte[] value) throws Exception {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE id = ?")) {
            s.setBytes(1, value);
            s.setLong(2, id);
            assertEquals(1, s.executeUpdate());
        }
    }

    private static long firstMessageId(long consultationId) throws Exception {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT MIN(id) FROM consultation_messages WHERE consultation_id = ?")) {
            s.setLong(1, consultationId);
            ResultSet rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aQuestionCopiedIntoAnotherConsultationDoesNotOpenThere() throws Exception {
        ConsultationService service = consultations(new ConsultationCipher(List.of(newKey)));
        long victim = ask(service, "M-au vândut la o fermă lângă Napoli", "+373 69 111 111");
        long other = ask(service, "Cum îmi recuperez actele?", "+373 69 222 222");
        service.reply(victim, admin, "Sunați la 112 acum.");
        service.reply(other, admin, "Vă sunăm mâine.");

        write("consultations", "question", other, read("consultations", "question", victim));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> service.open(other, admin));
        assertTrue(refused.getMessage().contains("consultations #" + other + " question"), refused.getMessage());
        assertFalse(refused.getMessage().contains("Napoli"), "the error holds no text");

        write("consultation_messages", "body", firstMessageId(other),
                read("consultation_messages", "body", firstMessageId(victim)));
        assertThrows(IllegalStateException.class, () -> service.find(other), "nor a reply copied to another message");
        assertEquals("M-au vândut la o fermă lângă Napoli", service.find(victim).orElseThrow().question(),
                "the original still opens");
    }

    @Test
    void aSecondFactorKeyCopiedToAnotherAccountDoesNotLetItsCodesIn() throws Exception {
        ConsultationCipher cipher = new ConsultationCipher(List.of(newKey));
        byte[] attackersSecret = Totp.newSecret();
        SignedInUser attacker = counsellorWithCode(cipher, attackersSecret);
        SignedInUser target = counsellorWithCode(cipher, Totp.newSecret());

        write("users", "totp_secret", target.id(), read("users", "totp_secret", attacker.id()));
        clock.set(clock.instant().plusSeconds(60));
        String attackersCode = Totp.code(attackersSecret, Totp.step(clock.instant()));
        assertTrue(secondFactor(cipher).verifyCode(target.id(), attackersCode).isEmpty(), "the attacker's code opens no other account");
        assertEquals(AuditAction.LOGIN_CODE_FAILED, audit.newest(0, 1).get(0).action());
        assertEquals("key-does-not-open", audit.newest(0, 1).get(0).detail());
    }

    @Test
    void valuesOfTheFormerFormatOpenAndAfterResealingOnlyTheNewKeyIsNeeded() throws Exception {
        // What the previous release left: values sealed with the old key, bound to their field's name only ...
        ConsultationCipher before = new ConsultationCipher(List.of(oldKey));
        ConsultationService old = consultations(before);
        long former = ask(old, "Întrebare de anul trecut", "+373 69 333 333");
        old.addNote(former, admin, "notă veche");
        write("consultations", "question", former, FormerSealing.seal(oldKey, "question", "Întrebare de anul trecut"));
        write("consultations", "contact", former, FormerSealing.seal(oldKey, "contact", "+373 69 333 333"));
        write("consultation_messages", "body", firstMessageId(former), FormerSealing.seal(oldKey, "message", "notă veche"));
        byte[] secret = Totp.newSecret();
        SignedInUser counsellor = counsellorWithCode(before, secret);
        write("users", "totp_secret", counsellor.id(), FormerSealing.seal(oldKey, "users.totp_secret",
                Base64.getEncoder().encodeToString(secret)));
        // ... and one sealed with the old key in the current format.
        long recent = ask(old, "Întrebare de ieri", null);

        // The new key is put first; the old one stays after it, and everything opens.
        ConsultationCipher rotated = new ConsultationCipher(List.of(newKey, oldKey));
        ConsultationDetail opened = consultations(rotated).find(former).orElseThrow();
        assertEquals("Întrebare de anul trecut", opened.question());
        assertEquals("+373 69 333 333", opened.contact());
        assertEquals("notă veche", opened.messages().get(0).text());
        clock.set(clock.instant().plusSeconds(60));
        assertTrue(secondFactor(rotated).verifyCode(counsellor.id(), Totp.code(secret, Totp.step(clock.instant()))).isPresent());

        Resealer resealer = resealer(rotated);
        assertEquals(4, resealer.formerFormatLeft());
        assertEquals(new Resealer.Outcome(5, 0), resealer.resealAll(),
                "the former question, contact, note and second-factor key, and the recent question");
        assertEquals(0, resealer.formerFormatLeft());
        assertEquals(new Resealer.Outcome(0, 0), resealer.resealAll(), "a second run finds nothing to do");

        // The old key is retired: a portal with only the new one reads everything.
        ConsultationCipher newOnly = new ConsultationCipher(List.of(newKey));
        assertEquals("Întrebare de anul trecut", consultations(newOnly).find(former).orElseThrow().question());
        assertEquals("notă veche", consultations(newOnly).find(former).orElseThrow().messages().get(0).text());
        assertEquals("Întrebare de ieri", consultations(newOnly).find(recent).orElseThrow().question());
        clock.set(clock.instant().plusSeconds(60));
        assertTrue(secondFactor(newOnly).verifyCode(counsellor.id(), Totp.code(secret, Totp.step(clock.instant()))).isPresent());
        assertThrows(IllegalStateException.class, () -> consultations(before).find(recent), "no longer the old key's");
    }

    @Test
    void startedInTheBackgroundItResealsUnderTheLeaseAndThenRefusesTheFormerFormat() throws Exception {
        ConsultationService old = consultations(new ConsultationCipher(List.of(oldKey)));
        long former = ask(old, "Întrebare veche", null);
        byte[] formerQuestion = FormerSealing.seal(oldKey, "question", "Întrebare veche");
        write("consultations", "question", former, formerQuestion);

        ConsultationCipher rotated = new ConsultationCipher(List.of(newKey, oldKey));
        try (Resealer resealer = resealer(rotated).start()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!rotated.refusesFormerFormat() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertTrue(rotated.refusesFormerFormat(), "nothing of the former format is left");
        assertEquals("Întrebare veche", consultations(new ConsultationCipher(List.of(newKey))).find(former)
                .orElseThrow().question());
        // A value of the former format put back (an old backup's) opens no more, even in its own row.
        write("consultations", "question", former, formerQuestion);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> consultations(rotated).find(former));
        assertTrue(refused.getMessage().contains("former format"), refused.getMessage());
        assertInstanceOf(ConsultationDetail.class, consultations(rotated).find(ask(consultations(rotated), "nouă", null))
                .orElseThrow(), "new values open as ever");
    }
}
