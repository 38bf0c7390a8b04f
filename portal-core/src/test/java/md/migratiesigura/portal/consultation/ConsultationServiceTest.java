package md.migratiesigura.portal.consultation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import md.migratiesigura.portal.MutableClock;
import md.migratiesigura.portal.Parallel;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.account.PasswordHasher;
import md.migratiesigura.portal.account.PasswordPolicy;
import md.migratiesigura.portal.account.UserService;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.config.ConsultationSettings;
import md.migratiesigura.portal.persistence.Database;
import md.migratiesigura.portal.report.ConsultationFigures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Consultations on a real MariaDB and a real (in-process) SMTP server, with a clock the test moves. */
class ConsultationServiceTest {

    private static final Instant START = Instant.parse("2026-03-10T09:00:00Z");
    private static final String QUESTION = "Agenția mi-a cerut pașaportul ca garanție pentru un job în Polonia. E normal?";

    private static Database database;
    private static GreenMail smtp;
    private static MutableClock clock;
    private static AuditService audit;
    private static ConsultationService consultations;
    private static ReferralService referrals;
    private static ConsultationRetention retention;
    private static ConsultationCounts counts;
    private static SignedInUser counsellor;
    private static byte[] key;
    private static int addresses;

    @BeforeAll
    static void open(@TempDir Path dataDir) {
        database = Database.open(TestDatabases.newConfig(dataDir));
        clock = new MutableClock(START);
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        audit = new AuditService(database.sessionFactory(), clock);
        UserService users = new UserService(database.sessionFactory(), new PasswordHasher(), PasswordPolicy.standard(),
                audit, clock);
        users.ensureAdministrator(Optional.of("consilier@example.org"), Optional.of("o parolă lungă de consilier"));
        counsellor = users.list().stream().map(u -> new SignedInUser(u.id(), u.email(), u.displayName(), u.role()))
                .findFirst().orElseThrow();
        key = new byte[32];
        new SecureRandom().nextBytes(key);
        consultations = service(mail(smtp.getSmtp().getPort()));
        referrals = new ReferralService(database.sessionFactory(), audit, clock);
        retention = new ConsultationRetention(database.sessionFactory(), audit, 90, clock);
        counts = new ConsultationCounts(database.sessionFactory());
    }

    private static Optional<ConsultationSettings.MailSettings> mail(int port) {
        return Optional.of(new ConsultationSettings.MailSettings("127.0.0.1", port, Optional.empty(), "",
                "portal@example.org", ConsultationSettings.Tls.OFF));
    }

    private static ConsultationService service(Optional<ConsultationSettings.MailSettings> mail) {
        return new ConsultationService(database.sessionFactory(), new ConsultationCipher(List.of(key)),
                ReplyMailer.of(mail, clock), audit, new PasswordHasher(), 90, Duration.ofSeconds(4), clock);
    }

    @AfterAll
    static void close() {
        smtp.stop();
        database.close();
    }

    @BeforeEach
    void emptyTheTables() throws Exception {
        clock.set(START);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM consultations");
            s.execute("DELETE FROM consultation_counts");
        }
    }

    /** Each submission from an address of its own, so that the rate limit only bites where a test wants it. */
    private static String newAddress() {
        return "192.0.2." + (++addresses);
    }

    private static Submitted ask(Topic topic, boolean sos, Channel channel, String contact) {
        return consultations.submit(new NewConsultation(Language.RO, topic, QUESTION, sos, channel, contact), newAddress());
    }

    private static long idOf(Submitted submitted) {
        return consultations.inbox(InboxFilter.OPEN, counsellor).stream()
                .filter(i -> i.ticket().equals(submitted.ticket())).findFirst().orElseThrow().id();
    }

    @Test
    void theQuestionAndContactAreStoredOnlyEncryptedAndOpenForTheCounsellor() throws Exception {
        Submitted submitted = ask(Topic.JOB_OFFER, false, Channel.PHONE, "+373 69 123 456");
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT question, contact, phrase_hash FROM consultations")) {
            assertTrue(rows.next());
            String question = new String(rows.getBytes(1), StandardCharsets.ISO_8859_1);
            String questionUtf8 = new String(rows.getBytes(1), StandardCharsets.UTF_8);
            assertFalse(questionUtf8.contains("pașaportul") || question.contains("Polonia"), "no plaintext question");
            assertFalse(new String(rows.getBytes(2), StandardCharsets.ISO_8859_1).contains("123 456"), "no plaintext phone");
            assertTrue(rows.getString(3).startsWith("$argon2id$"), "only a hash of the phrase");
            assertFalse(rows.getString(3).contains(submitted.phrase()));
        }
        ConsultationDetail detail = consultations.open(idOf(submitted), counsellor).orElseThrow();
        assertEquals(QUESTION, detail.question());
        assertEquals("+373 69 123 456", detail.contact());
        assertEquals(AuditAction.CONSULTATION_VIEWED, audit.newest(0, 1).get(0).action());
        assertEquals(submitted.displayTicket(), audit.newest(0, 1).get(0).target());
    }

    @Test
    void theTicketAndPhraseReadTheReplyAndAWrongPhraseRevealsNothing() {
        Submitted submitted = ask(Topic.DOCUMENTS, false, Channel.TICKET, null);
        long id = idOf(submitted);
        assertEquals(Delivery.TICKET, consultations.reply(id, counsellor, "Nu, nu e normal. Sună-ne la 0 800 77777."));
        consultations.addNote(id, counsellor, "notă internă: a mai sunat ieri");

        AnswerLookup found = consultations.readAnswer(submitted.displayTicket().toLowerCase(), submitted.phrase(), newAddress());
        AnswerLookup.Found answer = assertInstanceOf(AnswerLookup.Found.class, found);
        assertEquals(QUESTION, answer.question());
        assertEquals(List.of("Nu, nu e normal. Sună-ne la 0 800 77777."),
                answer.replies().stream().map(AnswerLookup.Reply::text).toList(), "replies only, never the notes");

        String address = newAddress();
        assertInstanceOf(AnswerLookup.NotFound.class, consultations.readAnswer(submitted.ticket(), "aaaa-bbbb-cccc-dddd", address));
        assertInstanceOf(AnswerLookup.NotFound.class, consultations.readAnswer("ZZZZZZZZZZ", submitted.phrase(), address),
                "an unknown ticket answers the same");
    }

    @Test
    void wrongPhrasesAreThrottledPerTicketFromAnyAddressForFifteenMinutes() {
        Submitted submitted = ask(Topic.OTHER, false, Channel.TICKET, null);
        for (int i = 0; i < AskerLimits.WRONG_TRIES_PER_TICKET; i++) {
            assertInstanceOf(AnswerLookup.NotFound.class, consultations.readAnswer(submitted.ticket(), "wrong", newAddress()));
        }
        AnswerLookup throttled = consultations.readAnswer(submitted.ticket(), submitted.phrase(), newAddress());
        assertInstanceOf(AnswerLookup.Throttled.class, throttled, "even the right phrase waits");
        clock.set(clock.instant().plus(Duration.ofMinutes(16)));
        assertInstanceOf(AnswerLookup.Found.class, consultations.readAnswer(submitted.ticket(), submitted.phrase(), newAddress()));

        String address = newAddress();
        for (int i = 0; i < AskerLimits.WRONG_TRIES_PER_ADDRESS; i++) {
            consultations.readAnswer("2345678" + "9AB".charAt(i % 3) + "CD".charAt(i % 2) + "E", "wrong", address);
        }
        assertInstanceOf(AnswerLookup.Throttled.class, consultations.readAnswer(submitted.ticket(), submitted.phrase(), address),
                "one address guessing across tickets is slowed down too");
    }

    @Test
    void aBurstOfWrongPhrasesForOneTicketHasOnlyTheAllowedNumberChecked() throws Exception {
        Submitted submitted = ask(Topic.OTHER, false, Channel.TICKET, null);
        // 50 at once, each from an address of its own: only the ticket's limit can hold them back.
        List<AnswerLookup> answers = Parallel.run(50, 10,
                i -> consultations.readAnswer(submitted.ticket(), "wrong-phrase-" + i, "198.51.100." + i));
        assertEquals(AskerLimits.WRONG_TRIES_PER_TICKET,
                answers.stream().filter(a -> a instanceof AnswerLookup.NotFound).count(), "phrases checked");
        assertEquals(50 - AskerLimits.WRONG_TRIES_PER_TICKET,
                answers.stream().filter(a -> a instanceof AnswerLookup.Throttled).count(), "refused before checking");
    }

    @Test
    void oneAddressMaySendOnlyAFewQuestionsInTenMinutes() {
        String address = newAddress();
        NewConsultation question = new NewConsultation(Language.RU, Topic.RETURNING, "Как вернуться домой без паспорта?",
                false, Channel.TICKET, null);
        for (int i = 0; i < AskerLimits.SUBMISSIONS_PER_10_MINUTES; i++) {
            consultations.submit(question, address);
        }
        ConsultationException refused = assertThrows(ConsultationException.class, () -> consultations.submit(question, address));
        assertEquals(ConsultationException.Reason.RATE_LIMITED, refused.reason());
        assertNotNull(consultations.submit(question, newAddress()), "another address is not affected");
        clock.set(clock.instant().plus(Duration.ofMinutes(11)));
        assertNotNull(consultations.submit(question, address));
    }

    @Test
    void badInputIsRefusedWithAReasonAndNothingIsStored() {
        assertReason(ConsultationException.Reason.QUESTION_MISSING, new NewConsultation(Language.RO, Topic.OTHER, "  ", false, Channel.TICKET, null));
        assertReason(ConsultationException.Reason.QUESTION_TOO_LONG, new NewConsultation(Language.RO, Topic.OTHER, "a".repeat(5001), false, Channel.TICKET, null));
        assertReason(ConsultationException.Reason.TEXT_INVALID, new NewConsultation(Language.RO, Topic.OTHER, "nul\u0000", false, Channel.TICKET, null));
        assertReason(ConsultationException.Reason.TOPIC_MISSING, new NewConsultation(Language.RO, null, "întrebare", false, Channel.TICKET, null));
        assertReason(ConsultationException.Reason.CONTACT_MISSING, new NewConsultation(Language.RO, Topic.OTHER, "întrebare", false, Channel.EMAIL, ""));
        assertReason(ConsultationException.Reason.EMAIL_INVALID, new NewConsultation(Language.RO, Topic.OTHER, "întrebare", false, Channel.EMAIL, "a@b"));
        assertReason(ConsultationException.Reason.PHONE_INVALID, new NewConsultation(Language.RO, Topic.OTHER, "întrebare", false, Channel.PHONE, "call me"));
        assertTrue(consultations.inbox(InboxFilter.OPEN, counsellor).isEmpty());
    }

    private static void assertReason(ConsultationException.Reason reason, NewConsultation request) {
        assertEquals(reason, assertThrows(ConsultationException.class, () -> consultations.submit(request, newAddress())).reason());
    }

    @Test
    void sosQuestionsComeFirstThenTheOldest() {
        Submitted older = ask(Topic.JOB_OFFER, false, Channel.TICKET, null);
        clock.set(clock.instant().plusSeconds(60));
        Submitted newer = ask(Topic.WORK_RIGHTS, false, Channel.TICKET, null);
        clock.set(clock.instant().plusSeconds(60));
        Submitted sos = ask(Topic.MISSING_RELATIVE, true, Channel.TICKET, null);
        assertEquals(List.of(sos.ticket(), older.ticket(), newer.ticket()),
                consultations.inbox(InboxFilter.OPEN, counsellor).stream().map(InboxItem::ticket).toList());
        assertTrue(consultations.inbox(InboxFilter.MINE, counsellor).isEmpty());
        consultations.assignToMe(idOf(newer), counsellor);
        assertEquals(List.of(newer.ticket()), consultations.inbox(InboxFilter.MINE, counsellor).stream().map(InboxItem::ticket).toList());
        consultations.close(idOf(older), counsellor);
        assertEquals(List.of(older.ticket()), consultations.inbox(InboxFilter.CLOSED, counsellor).stream().map(InboxItem::ticket).toList());
        assertEquals(AuditAction.CONSULTATION_CLOSED, audit.newest(0, 1).get(0).action());
    }

    @Test
    void aReplyByEmailReachesTheSmtpServerAndIsMarkedSent() throws Exception {
        Submitted submitted = ask(Topic.WORK_RIGHTS, false, Channel.EMAIL, "persoana@example.org");
        long id = idOf(submitted);
        assertEquals(Delivery.EMAIL_PENDING, consultations.reply(id, counsellor, "Ai dreptul la contract scris în limba ta."));
        assertTrue(smtp.waitForIncomingEmail(10_000, 1));
        MimeMessage mail = smtp.getReceivedMessages()[smtp.getReceivedMessages().length - 1];
        assertEquals("persoana@example.org", mail.getAllRecipients()[0].toString());
        assertTrue(mail.getSubject().contains(submitted.displayTicket()), mail.getSubject());
        String body = mail.getContent().toString();
        assertTrue(body.contains("Ai dreptul la contract scris în limba ta."), body);
        assertFalse(body.contains("pașaportul"), "the question is not repeated in the e-mail");
        assertEquals(Delivery.EMAIL_SENT, awaitDelivery(id));
    }

    @Test
    void whenTheSmtpServerIsDownTheReplyIsKeptBehindTheTicketAndTheErrorShown() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        ConsultationService withDeadMail = service(mail(deadPort));
        Submitted submitted = withDeadMail.submit(new NewConsultation(Language.RU, Topic.DOCUMENTS, "Вопрос о визе",
                false, Channel.EMAIL, "person@example.org"), newAddress());
        long id = idOf(submitted);
        assertEquals(Delivery.EMAIL_PENDING, withDeadMail.reply(id, counsellor, "Ответ про визу"));
        assertEquals(Delivery.EMAIL_FAILED, awaitDelivery(id));
        assertNotNull(consultations.open(id, counsellor).orElseThrow().messages().get(0).deliveryFailure());
        assertEquals(DeliveryFailure.CONNECT, consultations.find(id).orElseThrow().messages().get(0).deliveryFailure());
        AnswerLookup.Found answer = assertInstanceOf(AnswerLookup.Found.class,
                consultations.readAnswer(submitted.ticket(), submitted.phrase(), newAddress()));
        assertEquals("Ответ про визу", answer.replies().get(0).text());
    }

    @Test
    void aRecipientRefusedByTheServerIsRecordedAsACodeAndItsAddressIsNowhereInTheDatabaseNorTheLog() throws Exception {
        String address = "victima.refuzata@example.org";
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        long id;
        try (RefusingSmtpServer refusing = RefusingSmtpServer.start()) {
            System.setErr(new PrintStream(new TeeOutputStream(err, log), true, StandardCharsets.UTF_8));
            ConsultationService withRefusingMail = service(mail(refusing.port()));
            Submitted submitted = withRefusingMail.submit(new NewConsultation(Language.RO, Topic.WORK_RIGHTS,
                    "Angajatorul nu-mi dă salariul", false, Channel.EMAIL, address), newAddress());
            id = idOf(submitted);
            withRefusingMail.reply(id, counsellor, "Vă ajutăm să depuneți o plângere.");
            assertEquals(Delivery.EMAIL_FAILED, awaitDelivery(id));
            assertTrue(refusing.refusals().stream().anyMatch(r -> r.contains(address)), "the server quoted the address");
        } finally {
            System.setErr(err);
        }
        ConsultationDetail.MessageView reply = consultations.find(id).orElseThrow().messages().get(0);
        assertEquals(DeliveryFailure.RECIPIENT_REFUSED, reply.deliveryFailure());
        assertEquals(List.of(), columnsHolding("refuzata"), "the address is only in the sealed contact");
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("RECIPIENT_REFUSED"), logged);
        assertFalse(logged.contains("refuzata"), logged);
    }

    /** Every column of every table of the test database whose value contains the text somewhere, as table.column. */
    private static List<String> columnsHolding(String text) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                    + " WHERE table_schema = DATABASE() AND data_type IN ('char', 'varchar', 'tinytext', 'text',"
                    + " 'mediumtext', 'longtext', 'binary', 'varbinary', 'tinyblob', 'blob', 'mediumblob', 'longblob')")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] column : columns) {
                try (java.sql.PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM `" + column[0]
                        + "` WHERE `" + column[1] + "` LIKE ?")) {
                    count.setString(1, "%" + text + "%");
                    try (ResultSet rs = count.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            found.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Writes to two streams: the test's output stays visible while it is read. */
    private static final class TeeOutputStream extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        TeeOutputStream(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }

    @Test
    void withoutMailAnEmailReplyWaitsBehindTheTicket() {
        ConsultationService noMail = service(Optional.empty());
        assertFalse(noMail.mailEnabled());
        Submitted submitted = noMail.submit(new NewConsultation(Language.RO, Topic.OTHER, "întrebare", false,
                Channel.EMAIL, "persoana@example.org"), newAddress());
        assertEquals(Delivery.TICKET, noMail.reply(idOf(submitted), counsellor, "răspuns"));
    }

    private static Delivery awaitDelivery(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Delivery delivery = consultations.open(id, counsellor).orElseThrow().messages().get(0).delivery();
            if (delivery != Delivery.EMAIL_PENDING) {
                return delivery;
            }
            Thread.sleep(100);
        }
        return Delivery.EMAIL_PENDING;
    }

    @Test
    void retentionDeletesTextsAndContactsOfClosedConsultationsAndKeepsTheCounts() throws Exception {
        ReferralView shelter = referrals.addReferral(counsellor, "Centrul de asistență", "Центр помощи");
        Submitted closed = ask(Topic.MISSING_RELATIVE, true, Channel.EMAIL, "ruda@example.org");
        Submitted stillOpen = ask(Topic.JOB_OFFER, false, Channel.TICKET, null);
        long id = idOf(closed);
        consultations.addNote(id, counsellor, "notă");
        consultations.refer(id, counsellor, shelter.id());
        consultations.close(id, counsellor);
        ConsultationFigures before = new ConsultationReportSource(counts).forYear(2026);
        assertEquals(new ConsultationFigures(2, 1), before);

        clock.set(START.plus(Duration.ofDays(89)));
        assertEquals(0, retention.deleteExpired(), "not yet");
        clock.set(START.plus(Duration.ofDays(91)));
        assertEquals(1, retention.deleteExpired());

        assertEquals(Optional.empty(), consultations.open(id, counsellor));
        assertInstanceOf(AnswerLookup.NotFound.class, consultations.readAnswer(closed.ticket(), closed.phrase(), newAddress()));
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            ResultSet left = s.executeQuery("SELECT COUNT(*) FROM consultation_messages WHERE consultation_id = " + id);
            left.next();
            assertEquals(0, left.getInt(1), "notes and replies are gone");
        }
        assertInstanceOf(AnswerLookup.Found.class, consultations.readAnswer(stillOpen.ticket(), stillOpen.phrase(), newAddress()),
                "an open consultation is kept");
        assertEquals(before, new ConsultationReportSource(counts).forYear(2026), "the report's figures stay");
        assertTrue(counts.counts(2026).contains(new ConsultationCounts.MonthlyCount(3, Topic.MISSING_RELATIVE, true,
                shelter.id(), 1)), "the referral is counted: " + counts.counts(2026));
        assertEquals(AuditAction.CONSULTATIONS_DELETED, audit.newest(0, 1).get(0).action());
    }

    @Test
    void aClosedConsultationTakesNoMoreRepliesAndRetiredReferralsAreNotOffered() {
        Submitted submitted = ask(Topic.OTHER, false, Channel.TICKET, null);
        long id = idOf(submitted);
        ReferralView legal = referrals.addReferral(counsellor, "Juriști", "Юристы");
        referrals.renameReferral(counsellor, legal.id(), "Asistență juridică", "Юридическая помощь");
        referrals.setReferralRetired(counsellor, legal.id(), true);
        assertFalse(referrals.referrals(false).stream().anyMatch(r -> r.id() == legal.id()));
        assertTrue(referrals.referrals(true).stream().anyMatch(r -> r.nameRo().equals("Asistență juridică") && r.retired()));
        assertEquals(ConsultationException.Reason.NOT_FOUND, assertThrows(ConsultationException.class,
                () -> consultations.refer(id, counsellor, legal.id())).reason());
        consultations.close(id, counsellor);
        assertEquals(ConsultationException.Reason.CLOSED, assertThrows(ConsultationException.class,
                () -> consultations.reply(id, counsellor, "prea târziu")).reason());
    }
}
