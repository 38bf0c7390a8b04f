package md.migratiesigura.portal.chat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import md.migratiesigura.portal.MutableClock;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.account.PasswordHasher;
import md.migratiesigura.portal.account.PasswordPolicy;
import md.migratiesigura.portal.account.NewUser;
import md.migratiesigura.portal.account.UserService;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditRecord;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.config.ChatSettings;
import md.migratiesigura.portal.consultation.ConsultationCipher;
import md.migratiesigura.portal.consultation.Topic;
import md.migratiesigura.portal.persistence.Database;
import md.migratiesigura.portal.register.EntryKind;
import md.migratiesigura.portal.register.MonthCount;
import md.migratiesigura.portal.register.RegisterService;
import md.migratiesigura.portal.throttle.DatabaseThrottleStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat on a real MariaDB, with a clock the test moves (10:00 in Chisinau unless a test says otherwise). */
class ChatServiceTest {

    private static final Instant MORNING = Instant.parse("2026-03-10T08:00:00Z");
    private static final String SECRET = "Patronul mi-a luat pașaportul și nu mă lasă să plec";

    private static Database database;
    private static Database otherNode;
    private static byte[] key;
    private static MutableClock clock;
    private static ChatService chats;
    private static ChatConsole console;
    private static ChatSweeper sweeper;
    private static RegisterService register;
    private static AuditService audit;
    private static SignedInUser counsellor;
    private static SignedInUser colleague;
    private static int addresses;

    @BeforeAll
    static void open(@TempDir Path dataDir) {
        var config = TestDatabases.newConfig(dataDir);
        database = Database.open(config);
        otherNode = Database.open(config);
        clock = new MutableClock(MORNING);
        audit = new AuditService(database.sessionFactory(), clock);
        UserService users = new UserService(database.sessionFactory(), new PasswordHasher(), PasswordPolicy.standard(),
                audit, clock);
        users.ensureAdministrator(Optional.of("consilier@example.org"), Optional.of("o parolă lungă de consilier"));
        counsellor = users.list().stream().map(u -> new SignedInUser(u.id(), u.email(), u.displayName(), u.role()))
                .findFirst().orElseThrow();
        var created = users.create(counsellor, new NewUser("coleg@example.org", "Coleg", Role.COUNSELLOR,
                "o parolă lungă de coleg pentru test"));
        colleague = new SignedInUser(created.id(), created.email(), created.displayName(), created.role());
        key = new byte[32];
        new SecureRandom().nextBytes(key);
        chats = new ChatService(database.dataSource(), new ConsultationCipher(List.of(key)),
                new ChatSettings(LocalTime.of(8, 0), LocalTime.of(20, 0), 2), clock);
        register = new RegisterService(database.sessionFactory(), audit,
                Arrays.stream(Topic.values()).map(Topic::code).collect(Collectors.toSet()), clock);
        console = new ChatConsole(chats, null).recordingIn(register).auditingIn(audit);
        sweeper = new ChatSweeper(chats, console, 90);
    }

    @AfterAll
    static void close() {
        otherNode.close();
        database.close();
    }

    @BeforeEach
    void empty() throws Exception {
        clock.set(MORNING);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM chats");
            s.execute("DELETE FROM chat_counts");
            s.execute("DELETE FROM chat_waits");
            s.execute("DELETE FROM chat_counsellors");
            s.execute("DELETE FROM chat_blocks");
            s.execute("DELETE FROM chat_canned");
            s.execute("DELETE FROM register_entries");
        }
    }

    private static String newAddress() {
        return "203.0.113." + (++addresses % 250);
    }

    private static Opening.Started start(boolean sos) {
        return assertInstanceOf(Opening.Started.class, chats.open(Language.RO, sos, newAddress()));
    }

    @Test
    void closedOutsideTheHoursAndWithoutCounsellor() {
        clock.set(Instant.parse("2026-03-10T19:30:00Z")); // 21:30 in Chisinau
        console.presence(counsellor, true);
        Opening.Closed late = assertInstanceOf(Opening.Closed.class, chats.open(Language.RU, false, newAddress()));
        assertEquals("hours", late.reason());
        assertEquals("08:00", late.opens());

        clock.set(MORNING);
        console.presence(counsellor, false);
        Opening.Closed nobody = assertInstanceOf(Opening.Closed.class, chats.open(Language.RO, false, newAddress()));
        assertEquals("no-counsellor", nobody.reason());

        Map<String, Integer> counted = chats.month(YearMonth.of(2026, 3)).counts().get("ru");
        assertEquals(1, counted.get(ChatCounts.TURNED_AWAY_HOURS));
    }

    @Test
    void fullWhenTheQueueCannotBeAnsweredBeforeClosing() {
        clock.set(Instant.parse("2026-03-10T17:40:00Z")); // 19:40: twenty minutes left
        console.presence(counsellor, true);
        int started = 0;
        Opening last = null;
        for (int i = 0; i < 20; i++) {
            last = chats.open(Language.RO, false, newAddress());
            if (last instanceof Opening.Started) {
                started++;
            } else {
                break;
            }
        }
        Opening.Closed full = assertInstanceOf(Opening.Closed.class, last);
        assertEquals("full", full.reason());
        assertTrue(started >= 2, "the free seats are offered first");
        // An SOS chat is never turned away as full.
        assertInstanceOf(Opening.Started.class, chats.open(Language.RO, true, newAddress()));
    }

    @Test
    void sosFirstThenTheLongestWaiting() {
        console.presence(counsellor, true);
        Opening.Started first = start(false);
        clock.advance(Duration.ofSeconds(30));
        Opening.Started second = start(false);
        clock.advance(Duration.ofSeconds(30));
        console.presence(counsellor, null); // the console calls in every few seconds
        Opening.Started sos = start(true);
        assertEquals(1, sos.position());
        List<Long> offered = console.waiting().stream().map(WaitingChat::id).toList();
        assertEquals(List.of(sos.chatId(), first.chatId(), second.chatId()), offered);
        assertEquals(3, chats.readerView(second.chatId(), 0).position());
        assertTrue(console.waiting().get(0).sos());
    }

    @Test
    void messagesAreNumberedStoredOnceAndSealed() throws Exception {
        console.presence(counsellor, true);
        Opening.Started reader = start(false);
        long id = chats.chatOf(reader.token()).orElseThrow();
        assertEquals(reader.chatId(), id);
        int one = chats.send(id, "c1", SECRET);
        int again = chats.send(id, "c1", SECRET);
        assertEquals(one, again, "the same client id is stored once");
        int two = chats.send(id, "c2", "a doua");
        assertEquals(one + 1, two);

        console.accept(counsellor, id);
        int answer = console.send(counsellor, id, "k1", "Vă ascult.");
        ChatView view = chats.readerView(id, 0);
        assertEquals(ChatState.ACTIVE, view.state());
        List<String> texts = view.events().stream().map(ChatEvent::text).toList();
        assertEquals(List.of(SECRET, "a doua", "Un consultant s-a alăturat conversației.", "Vă ascult."), texts);
        assertEquals(answer, view.events().get(3).seq());
        assertEquals(List.of(Sender.READER, Sender.READER, Sender.SYSTEM, Sender.COUNSELLOR),
                view.events().stream().map(ChatEvent::from).toList());
        assertEquals(1, chats.readerView(id, answer - 1).events().size(), "only what came after the last seen");

        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT body FROM chat_messages")) {
            while (rs.next()) {
                String stored = new String(rs.getBytes(1), StandardCharsets.ISO_8859_1);
                assertFalse(stored.contains("pașaportul") || stored.contains("Patronul") || stored.contains("ascult"),
                        "no text in clear in the database");
            }
        }
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT token_hash FROM chats")) {
            rs.next();
            assertFalse(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1).contains(reader.token()));
        }
    }

    @Test
    void tooLongEmptyAndEnded() {
        console.presence(counsellor, true);
        long id = start(false).chatId();
        assertEquals(ChatException.Reason.TOO_LONG,
                assertThrows(ChatException.class, () -> chats.send(id, "x", "a".repeat(2001))).reason());
        chats.send(id, "y", "ă".repeat(2000));
        assertEquals(ChatException.Reason.EMPTY, assertThrows(ChatException.class, () -> chats.send(id, "z", "  ")).reason());
        Opening.Started other = start(false);
        chats.endByReader(other.chatId());
        assertTrue(chats.chatOf(other.token()).isEmpty(), "an ended token opens nothing");
        assertTrue(chats.chatOf("not-a-token-at-all-but-long").isEmpty());
    }

    @Test
    void capacityAndGivingBack() {
        console.presence(counsellor, true);
        long a = start(false).chatId();
        long b = start(false).chatId();
        long c = start(false).chatId();
        console.accept(counsellor, a);
        console.accept(counsellor, b);
        assertEquals(ChatException.Reason.NOT_POSSIBLE,
                assertThrows(ChatException.class, () -> console.accept(counsellor, c)).reason());
        console.close(counsellor, a, Topic.JOB_OFFER, EntryKind.PREVENTION);
        console.accept(counsellor, c);
        assertEquals(2, console.mine(counsellor, Map.of()).size());

        // The counsellor's console goes silent: the chats go back to the head of the queue.
        long d = start(false).chatId();
        clock.advance(Duration.ofMinutes(4));
        chats.readerView(b, 0);
        chats.readerView(c, 0);
        chats.readerView(d, 0);
        sweeper.sweep();
        List<Long> queue = console.waiting().stream().map(WaitingChat::id).toList();
        assertEquals(List.of(b, c, d), queue);
        assertEquals(ChatState.QUEUED, chats.readerView(b, 0).state());
        assertTrue(chats.readerView(b, 0).events().stream().anyMatch(e -> e.text().contains("primul la rând")));
    }

    @Test
    void aWaitingReaderWhoKeepsAskingStaysAndIsSeenAsOfTheirLastPoll() {
        console.presence(counsellor, true);
        long asking = start(false).chatId();
        clock.advance(Duration.ofSeconds(60));
        chats.readerView(asking, 0);
        clock.advance(Duration.ofSeconds(60));
        console.presence(counsellor, true);
        sweeper.sweep();
        assertEquals(List.of(asking), console.waiting().stream().map(WaitingChat::id).toList(),
                "asked 60 s ago: still waiting");

        // The sweep wrote the poll's own time, not its own: 100 s after that poll (40 s after the sweep), gone.
        clock.advance(Duration.ofSeconds(40));
        console.presence(counsellor, true);
        sweeper.sweep();
        assertEquals(List.of(), console.waiting());
        assertEquals(ChatState.ENDED, chats.readerView(asking, 0).state());
    }

    @Test
    void abandonedWhileWaitingIsCountedAndBlockingKeepsAnAddressOut() throws Exception {
        console.presence(counsellor, true);
        long gone = start(false).chatId();
        clock.advance(Duration.ofMinutes(2));
        console.presence(counsellor, true);
        sweeper.sweep();
        assertEquals(ChatState.ENDED, chats.readerView(gone, 0).state());
        assertEquals(1, chats.month(YearMonth.of(2026, 3)).counts().get("ro").get(ChatCounts.ABANDONED));

        String address = "198.51.100.7";
        Opening.Started abusive = assertInstanceOf(Opening.Started.class, chats.open(Language.RO, false, address));
        console.accept(counsellor, abusive.chatId());
        assertEquals(List.of(), registerEntries(), "a chat abandoned while waiting is no entry of the register");
        console.endAndBlock(counsellor, abusive.chatId(), Topic.OTHER, EntryKind.PREVENTION);
        assertEquals(ChatException.Reason.BLOCKED,
                assertThrows(ChatException.class, () -> chats.open(Language.RO, false, address)).reason());
        AuditRecord blocked = audit.newest(0, 1).get(0);
        assertEquals(AuditAction.CHAT_BLOCKED, blocked.action(), "ending and blocking is in the audit log");
        assertEquals(counsellor.email(), blocked.actorEmail());
        assertEquals("chat #" + abusive.chatId(), blocked.target(), "the chat by number, never its text or address");
        assertNull(blocked.detail());
        assertEquals(List.of("CHAT PREVENTION other"), registerEntries(), "an abusive chat was a chat all the same");
        assertEquals(0, chats.month(YearMonth.of(2026, 3)).medianWait());
    }

    @Test
    void closingAChatRecordsOneRegisterEntryOfTheKindConfirmed() throws Exception {
        LocalDate today = LocalDate.of(2026, 3, 10);
        MonthCount before = register.count(YearMonth.of(2026, 3), today);
        console.presence(counsellor, true);
        long id = start(true).chatId();
        console.accept(counsellor, id);
        chats.send(id, "r1", SECRET);
        assertThrows(IllegalArgumentException.class, () -> console.close(counsellor, id, Topic.JOB_OFFER, null));
        assertEquals(ChatState.ACTIVE, chats.readerView(id, 0).state(), "no kind, nothing closed");

        console.close(counsellor, id, Topic.JOB_OFFER, EntryKind.SOS);
        assertEquals(ChatState.ENDED, chats.readerView(id, 0).state());
        assertEquals(List.of("CHAT SOS job-offer"), registerEntries());
        assertEquals(counsellor.id(), register.recent(counsellor, 10).get(0).authorId());
        assertEquals(today, register.recent(counsellor, 10).get(0).entry().date());
        MonthCount after = register.count(YearMonth.of(2026, 3), today);
        assertEquals(before.chats() + 1, after.chats(), "the month's chats in the register");
        assertEquals(before.sos() + 1, after.sos());
        assertEquals(before.calls(), after.calls());

        assertEquals(ChatException.Reason.NO_CHAT, assertThrows(ChatException.class,
                () -> console.close(counsellor, id, Topic.JOB_OFFER, EntryKind.SOS)).reason());
        assertEquals(1, registerEntries().size(), "closing twice records once");
    }

    @Test
    void aRegisterThatRefusesTheEntryDoesNotUndoTheClose() throws Exception {
        ChatConsole refusing = new ChatConsole(chats, null).recordingIn(
                new RegisterService(database.sessionFactory(), audit, Set.of(), clock));
        console.presence(counsellor, true);
        long id = start(false).chatId();
        console.accept(counsellor, id);
        refusing.close(counsellor, id, Topic.JOB_OFFER, EntryKind.REFERRAL);
        assertEquals(ChatState.ENDED, chats.readerView(id, 0).state(), "the chat is closed all the same");
        assertEquals(List.of(), registerEntries());
    }

    /** The register's entries as stored: "CHANNEL KIND topic", oldest first. */
    private static List<String> registerEntries() throws Exception {
        List<String> entries = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT channel, kind, topic FROM register_entries ORDER BY id")) {
            while (rs.next()) {
                entries.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return entries;
    }

    @Test
    void transferOnlyToAnAvailableColleagueWithRoomAndCannedAnswersPerLanguage() {
        SignedInUser colleague = new SignedInUser(counsellor.id() + 1000, "x@example.org", "X", counsellor.role());
        console.presence(counsellor, true);
        long id = start(false).chatId();
        console.accept(counsellor, id);
        assertTrue(console.colleagues(counsellor).isEmpty(), "nobody else is available");
        assertEquals(ChatException.Reason.NOT_POSSIBLE, assertThrows(ChatException.class,
                () -> console.transfer(counsellor, id, colleague.id(), "notă")).reason());

        CannedAnswers canned = new CannedAnswers(database.dataSource(), audit);
        long audited = audit.count();
        long lastId = audited == 0 ? 0 : audit.newest(0, 100).stream().mapToLong(AuditRecord::id).max().orElse(0);
        canned.add(counsellor, Language.RU, "Позвоните на горячую линию.");
        clock.advance(Duration.ofSeconds(1));
        canned.add(counsellor, Language.RO, "Sunați la Linia Fierbinte.");
        assertEquals(List.of(Language.RO, Language.RU), canned.all().stream().map(CannedAnswer::language).toList());
        assertThrows(ChatException.class, () -> canned.add(counsellor, Language.RO, " "));
        assertEquals(List.of("CANNED_ANSWER_SAVED ru", "CANNED_ANSWER_SAVED ro"), auditSince(lastId),
                "each answer added is audited by its language, the refused one not at all");
        CannedAnswer russian = canned.all().get(1);
        clock.advance(Duration.ofSeconds(1));
        canned.delete(counsellor, canned.all().get(0).id());
        clock.advance(Duration.ofSeconds(1));
        canned.delete(counsellor, russian.id());
        assertTrue(canned.all().isEmpty());
        canned.delete(counsellor, russian.id());
        assertEquals(List.of("CANNED_ANSWER_SAVED ru", "CANNED_ANSWER_SAVED ro", "CANNED_ANSWER_DELETED ro",
                "CANNED_ANSWER_DELETED ru"), auditSince(lastId),
                "each deletion is audited once, deleting one already gone is no change");
        assertEquals(audited + 4, audit.count());
        assertTrue(audit.newest(0, 100).stream().filter(r -> r.id() > lastId).allMatch(r -> r.detail() == null
                && counsellor.email().equals(r.actorEmail())), "who did it, and never the text");
    }

    /** The audit entries after the one numbered {@code id} as "ACTION target", oldest first. */
    private static List<String> auditSince(long id) {
        return audit.newest(0, 100).stream().filter(r -> r.id() > id)
                .sorted(Comparator.comparingLong(AuditRecord::id))
                .map(r -> r.action() + " " + r.target()).toList();
    }

    @Test
    void twoNodesShareTheAllowanceOfChatsStartedAndMessagesSent() {
        byte[] secret = "a throttle secret shared by the nodes".getBytes(StandardCharsets.UTF_8);
        ChatSettings settings = new ChatSettings(LocalTime.of(8, 0), LocalTime.of(20, 0), 2);
        ChatService nodeA = new ChatService(database.dataSource(), new ConsultationCipher(List.of(key)), settings, clock,
                new DatabaseThrottleStore(database.dataSource(), clock, secret));
        ChatService nodeB = new ChatService(otherNode.dataSource(), new ConsultationCipher(List.of(key)), settings,
                clock, new DatabaseThrottleStore(otherNode.dataSource(), clock, secret));
        console.presence(counsellor, true);
        String address = "203.0.113.61";
        List<Long> started = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < 2 * ChatService.STARTS_PER_10_MINUTES; i++) {
            try {
                Opening opening = (i % 2 == 0 ? nodeA : nodeB).open(Language.RO, false, address);
                started.add(assertInstanceOf(Opening.Started.class, opening).chatId());
            } catch (ChatException e) {
                assertEquals(ChatException.Reason.TOO_MANY, e.reason());
                refused++;
            }
        }
        assertEquals(ChatService.STARTS_PER_10_MINUTES, started.size(), "the allowance of one node, not of two");
        assertEquals(ChatService.STARTS_PER_10_MINUTES, refused);

        long chatId = started.get(0);
        for (int i = 0; i < ChatService.SENDS_PER_MINUTE; i++) {
            (i % 2 == 0 ? nodeA : nodeB).send(chatId, "m" + i, "Mesajul " + i);
        }
        assertEquals(ChatException.Reason.TOO_MANY, assertThrows(ChatException.class,
                () -> nodeA.send(chatId, "one-more", "Încă unul")).reason(), "the messages counted on both nodes");
        assertEquals(ChatException.Reason.TOO_MANY, assertThrows(ChatException.class,
                () -> nodeB.send(chatId, "one-more", "Încă unul")).reason());
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        console.presence(counsellor, true);
        assertInstanceOf(Opening.Started.class, nodeB.open(Language.RO, false, address), "the window passed");
        nodeA.send(chatId, "later", "Mai târziu");
    }

    @Test
    void aTransferNoteIsSealedAndForgottenWhenTheChatEnds() throws Exception {
        String note = "Cititorul e la Verona, fără pașaport";
        console.presence(counsellor, true);
        console.presence(colleague, true);
        long id = start(false).chatId();
        console.accept(counsellor, id);
        console.transfer(counsellor, id, colleague.id(), note);
        assertEquals(note, console.mine(colleague, Map.of()).get(0).transferNote(), "the colleague reads the note");
        assertFalse(new String(transferNote(id), StandardCharsets.ISO_8859_1).contains("Verona"),
                "the note is not in clear in the database");

        console.close(colleague, id, Topic.JOB_OFFER, EntryKind.PREVENTION);
        assertNull(transferNote(id), "nothing of the note is left once the chat has ended");
    }

    private static byte[] transferNote(long id) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT transfer_note FROM chats WHERE id = " + id)) {
            rs.next();
            return rs.getBytes(1);
        }
    }

    @Test
    void waitBand() {
        assertArrayEquals(new int[] {0, 2}, ChatQueue.band(1, 1, 2, 0, 15));
        int[] later = ChatQueue.band(4, 1, 2, 2, 15);
        assertTrue(later[0] >= 15 && later[1] > later[0], "four waiting, two seats taken: at least a chat's length");
    }
}
