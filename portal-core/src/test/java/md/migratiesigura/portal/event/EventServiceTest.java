package md.migratiesigura.portal.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import md.migratiesigura.portal.MutableClock;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.account.NewUser;
import md.migratiesigura.portal.account.PasswordHasher;
import md.migratiesigura.portal.account.PasswordPolicy;
import md.migratiesigura.portal.account.UserService;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.content.ImportReport;
import md.migratiesigura.portal.content.MarkdownRenderer;
import md.migratiesigura.portal.event.EventProblem.Code;
import md.migratiesigura.portal.persistence.Database;
import md.migratiesigura.portal.report.EventFigures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events on a real MariaDB: validation edges, saves and conflicts, the listing, the import, the report's figures. */
class EventServiceTest {

    /** 15 June 2026, 12:00 in Chisinau (EEST). */
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-06-15T09:00:00Z"));

    @TempDir
    static Path dataDir;

    private static Database db;
    private static EventService events;
    private static AuditService audit;
    private static SignedInUser trainer;
    private static SignedInUser editor;

    @BeforeAll
    static void open() {
        db = Database.open(TestDatabases.newConfig(dataDir));
        audit = new AuditService(db.sessionFactory(), clock);
        UserService users = new UserService(db.sessionFactory(), new PasswordHasher(), PasswordPolicy.standard(), audit,
                clock);
        users.ensureAdministrator(Optional.of("admin@example.org"), Optional.of("administrator passphrase"));
        SignedInUser admin = users.authenticate("admin@example.org", "administrator passphrase").orElseThrow();
        users.create(admin, new NewUser("trainer@example.org", "Trainer", Role.TRAINER, "trainer passphrase 1"));
        users.create(admin, new NewUser("editor@example.org", "Editor", Role.EDITOR, "editor passphrase 1"));
        trainer = users.authenticate("trainer@example.org", "trainer passphrase 1").orElseThrow();
        editor = users.authenticate("editor@example.org", "editor passphrase 1").orElseThrow();
        events = new EventService(db.sessionFactory(), new MarkdownRenderer(), audit, clock);
    }

    @AfterAll
    static void close() {
        db.close();
        if (freshDatabase != null) {
            freshDatabase.close();
        }
    }

    /** A valid held school session on the given day, 10:00–11:30, in Criuleni. */
    private static EventDraft session(String title, String date) {
        return new EventDraft(null, 0, "school-session", "held", title, title + " (ru)", "Despre **contracte**.",
                "О **контрактах**.", date, "10:00", "", "11:30", "Criuleni", "Criuleni", "Liceul Teoretic",
                List.of("pupils"), "Direcția de Învățământ", 45, 120, List.of());
    }

    private static EventView saved(EventDraft draft) {
        return assertInstanceOf(EventSaveResult.Saved.class, events.save(trainer, draft)).event();
    }

    private static List<EventProblem> rejected(EventDraft draft) {
        return assertInstanceOf(EventSaveResult.Rejected.class, events.save(trainer, draft)).problems();
    }

    private static EventDraft with(EventDraft d, String startDate, String startTime, String endDate, String endTime) {
        return EventDraftBuilder.change(d, b -> {
            b.startDate = startDate;
            b.startTime = startTime;
            b.endDate = endDate;
            b.endTime = endTime;
        });
    }

    private static EventDraft counts(EventDraft d, Integer participants, Integer materials, String status) {
        return EventDraftBuilder.change(d, b -> {
            b.participants = participants;
            b.materials = materials;
            b.status = status;
        });
    }

    private static EventDraft district(EventDraft d, String district) {
        return EventDraftBuilder.change(d, b -> b.district = district);
    }

    private static String unique() {
        return "Sesiune " + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void aTrainerRecordsAHeldSessionAndItIsSavedWithSanitizedMarkdownAndAnAuditEntry() {
        EventView e = saved(session(unique(), "2026-03-12"));
        assertTrue(e.key().endsWith("-2026-03-12"), e.key());
        assertEquals(Instant.parse("2026-03-12T08:00:00Z"), e.start(), "10:00 in Chisinau is 08:00 UTC in March");
        assertEquals(Instant.parse("2026-03-12T09:30:00Z"), e.end(), "an empty end date is the start's day");
        assertEquals("Criuleni", e.district().ro());
        assertTrue(e.descriptionHtmlRo().contains("<strong>contracte</strong>"), e.descriptionHtmlRo());
        assertEquals(AuditAction.EVENT_CREATED, audit.newest(0, 1).get(0).action());
        assertEquals(e.key(), audit.newest(0, 1).get(0).target());
    }

    @Test
    void markdownWithRawHtmlIsEscaped() {
        EventDraft script = EventDraftBuilder.change(session(unique(), "2026-03-13"),
                b -> b.descriptionRo = "<script>alert(1)</script> [x](javascript:alert)");
        EventView e = saved(script);
        assertFalse(e.descriptionHtmlRo().contains("<script"), e.descriptionHtmlRo());
        assertFalse(e.descriptionHtmlRo().contains("href=\"javascript"), e.descriptionHtmlRo());
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        assertEquals(List.of(new EventProblem("endTime", Code.END_BEFORE_START, null)),
                rejected(with(session(unique(), "2026-03-12"), "2026-03-12", "10:00", "", "09:59")));
        assertEquals(List.of(new EventProblem("endTime", Code.END_BEFORE_START, null)),
                rejected(with(session(unique(), "2026-03-12"), "2026-03-12", "10:00", "2026-03-11", "18:00")));
        // Ending when it starts is allowed (a moment), and across days too.
        saved(with(session(unique(), "2026-03-12"), "2026-03-12", "10:00", "", "10:00"));
        saved(with(session(unique(), "2026-03-12"), "2026-03-12", "10:00", "2026-03-14", "09:00"));
    }

    @Test
    void impossibleDatesAndTimesAreRefusedNotRolledOver() {
        assertTrue(rejected(with(session(unique(), "x"), "2026-02-29", "10:00", "", "11:00"))
                .contains(new EventProblem("startDate", Code.DATE_INVALID, null)), "2026 is not a leap year");
        assertTrue(rejected(with(session(unique(), "x"), "2026-04-31", "10:00", "", "11:00"))
                .contains(new EventProblem("startDate", Code.DATE_INVALID, null)));
        assertTrue(rejected(with(session(unique(), "x"), "12.03.2026", "10:00", "", "11:00"))
                .contains(new EventProblem("startDate", Code.DATE_INVALID, null)));
        assertTrue(rejected(with(session(unique(), "x"), "2026-03-12", "24:00", "", "11:00"))
                .contains(new EventProblem("startTime", Code.TIME_INVALID, null)));
        assertTrue(rejected(with(session(unique(), "x"), "2026-03-12", "10:00", "2026-13-01", "11:00"))
                .contains(new EventProblem("endDate", Code.DATE_INVALID, null)));
        assertTrue(rejected(with(session(unique(), "x"), "", "", "", ""))
                .contains(new EventProblem("startDate", Code.REQUIRED, null)));
        saved(with(session(unique(), "x"), "2024-02-29", "10:00", "", "11:00"));
    }

    @Test
    void negativeAndHugeCountsAreRefusedAndZeroIsAllowed() {
        List<EventProblem> problems = rejected(counts(session(unique(), "2026-03-12"), -1, -5, "held"));
        assertTrue(problems.contains(new EventProblem("participants", Code.NEGATIVE, null)), problems.toString());
        assertTrue(problems.contains(new EventProblem("materials", Code.NEGATIVE, null)), problems.toString());
        assertTrue(rejected(counts(session(unique(), "2026-03-12"), 1_000_001, null, "held"))
                .contains(new EventProblem("participants", Code.TOO_LARGE, "1000000")));
        assertEquals(0, saved(counts(session(unique(), "2026-03-12"), 0, 0, "held")).participants());
    }

    @Test
    void aDistrictNotInTheListIsRefusedAndNamesAreMatchedWithOrWithoutDiacritics() {
        assertEquals(List.of(new EventProblem("district", Code.DISTRICT_UNKNOWN, null)),
                rejected(district(session(unique(), "2026-03-12"), "Atlantida")));
        assertEquals("straseni", saved(district(session(unique(), "2026-03-12"), "Straseni")).district().key());
        assertEquals("ocnita", saved(district(session(unique(), "2026-03-12"), "Ocnița")).district().key());
        assertEquals("chisinau", saved(district(session(unique(), "2026-03-12"), "Кишинёв")).district().key());
        assertEquals(37, District.ALL.size(), "32 districts, 3 municipalities, Gagauzia, the left bank");
    }

    @Test
    void aFutureEventCannotBeHeldNorHaveCountsAndAPastPlannedOneIsFlagged() {
        EventDraft future = counts(session(unique(), "2026-09-01"), null, null, "held");
        assertEquals(List.of(new EventProblem("status", Code.HELD_IN_FUTURE, null)), rejected(future));
        assertTrue(rejected(counts(future, 10, null, "planned"))
                .contains(new EventProblem("participants", Code.COUNTS_BEFORE_EVENT, null)));
        assertFalse(saved(counts(future, null, null, "planned")).pastButPlanned());
        EventView past = saved(counts(session(unique(), "2026-06-01"), null, null, "planned"));
        assertTrue(past.pastButPlanned(), "recorded afterwards, still planned: the trainer is reminded");
        assertTrue(events.all().stream().anyMatch(e -> e.key().equals(past.key()) && e.pastButPlanned()));
    }

    @Test
    void onlyEnabledTrainersAndAdministratorsMaySave() {
        assertEquals(List.of(new EventProblem("actor", Code.NOT_ALLOWED, null)),
                assertInstanceOf(EventSaveResult.Rejected.class, events.save(editor, session(unique(), "2026-03-12")))
                        .problems());
        assertInstanceOf(EventSaveResult.Rejected.class, events.save(null, session(unique(), "2026-03-12")));
    }

    @Test
    void aSaveOnAnOlderVersionIsAConflictAndSavingAgainOnTheirsReplacesIt() {
        EventView first = saved(session(unique(), "2026-03-12"));
        EventDraft mine = first.toDraft();
        EventView theirs = saved(counts(first.toDraft(), 50, 100, "held"));
        assertEquals(first.version() + 1, theirs.version());
        EventSaveResult.Conflict conflict = assertInstanceOf(EventSaveResult.Conflict.class,
                events.save(trainer, counts(mine, 60, 100, "held")));
        assertEquals(50, conflict.theirs().participants(), "nothing of mine was written");
        EventDraft again = EventDraftBuilder.change(counts(mine, 60, 100, "held"),
                b -> b.version = conflict.theirs().version());
        EventView replaced = saved(again);
        assertEquals(60, replaced.participants());
        assertEquals(first.key(), replaced.key(), "the key never changes");
        assertEquals(AuditAction.EVENT_SAVED, audit.newest(0, 1).get(0).action());
    }

    @Test
    void theListingShowsUpcomingEventsSoonestFirstThenPastOnesLatestFirstAndFilters() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        EventView later = saved(counts(district(session("Viitor " + tag, "2026-08-20"), "Ocnița"), null, null, "planned"));
        EventView sooner = saved(counts(district(session("Curând " + tag, "2026-07-01"), "Ocnița"), null, null, "planned"));
        EventView old = saved(district(session("Trecut " + tag, "2026-05-02"), "Ocnița"));
        EventView older = saved(district(session("Demult " + tag, "2026-04-02"), "Ocnița"));
        List<String> keys = events.listing(new EventFilter(null, District.byKey("ocnita").orElseThrow(), null)).stream()
                .map(EventView::key).toList();
        List<String> mine = keys.stream().filter(k -> List.of(later.key(), sooner.key(), old.key(), older.key()).contains(k))
                .toList();
        assertEquals(List.of(sooner.key(), later.key(), old.key(), older.key()), mine);
        List<EventView> inJuly = events.listing(new EventFilter(EventType.SCHOOL_SESSION, null, YearMonth.of(2026, 7)));
        assertTrue(inJuly.stream().anyMatch(e -> e.key().equals(sooner.key())));
        assertTrue(inJuly.stream().noneMatch(e -> e.key().equals(later.key())));
        assertTrue(events.listing(new EventFilter(EventType.EXHIBITION, null, YearMonth.of(2026, 7))).stream()
                .noneMatch(e -> e.key().equals(sooner.key())));
        assertTrue(events.months().contains(YearMonth.of(2026, 8)));
    }

    @Test
    void theReportCountsHeldEventsOfTheYearByTypeMonthAndDistrict() {
        EventService fresh = freshService();
        List<EventView> made = List.of(
                saved(fresh, counts(district(session(unique(), "2025-03-12"), "Criuleni"), 45, 120, "held")),
                saved(fresh, counts(district(session(unique(), "2025-03-20"), "Strășeni"), 30, 80, "held")),
                saved(fresh, exhibition(counts(district(session(unique(), "2025-10-05"), "Ocnița"), null, 300, "held"))),
                saved(fresh, counts(district(session(unique(), "2025-11-05"), "Ocnița"), null, null, "cancelled")),
                saved(fresh, counts(district(session(unique(), "2024-12-31"), "Ocnița"), 10, 10, "held")));
        assertEquals(5, made.size());
        EventReportSource freshFigures = new EventReportSource(freshDatabase.sessionFactory());
        EventFigures figures = freshFigures.forYear(2025);
        assertEquals(2, figures.count("school-session"), "the cancelled one and the 2024 one do not count");
        assertEquals(1, figures.count("exhibition"));
        assertEquals(75, figures.participants());
        assertEquals(500, figures.materials());
        EventBreakdown breakdown = freshFigures.breakdown(2025);
        assertEquals(new EventBreakdown.Row("3", 2, 75, 200), breakdown.months().get(2));
        assertEquals(new EventBreakdown.Row("10", 1, 0, 300), breakdown.months().get(9));
        assertEquals(12, breakdown.months().size());
        assertEquals(List.of("criuleni", "ocnita", "straseni"),
                breakdown.districts().stream().map(EventBreakdown.Row::label).toList());
    }

    private static EventService freshService;

    /** A service on a database of its own, so that the other tests' events do not count. */
    private static synchronized EventService freshService() {
        if (freshService == null) {
            Database other = Database.open(TestDatabases.newConfig(dataDir.resolve("report")));
            freshDatabase = other;
            AuditService otherAudit = new AuditService(other.sessionFactory(), clock);
            UserService users = new UserService(other.sessionFactory(), new PasswordHasher(), PasswordPolicy.standard(),
                    otherAudit, clock);
            users.ensureAdministrator(Optional.of("admin@example.org"), Optional.of("administrator passphrase"));
            freshAdmin = users.authenticate("admin@example.org", "administrator passphrase").orElseThrow();
            freshService = new EventService(other.sessionFactory(), new MarkdownRenderer(), otherAudit, clock);
        }
        return freshService;
    }

    private static SignedInUser freshAdmin;
    private static Database freshDatabase;

    private static EventView saved(EventService service, EventDraft draft) {
        return assertInstanceOf(EventSaveResult.Saved.class, service.save(freshAdmin, draft)).event();
    }

    private static EventDraft exhibition(EventDraft d) {
        return EventDraftBuilder.change(d, b -> {
            b.type = "exhibition";
            b.audiences = List.of("general-public");
        });
    }

    @Test
    void theImportCreatesMissingEventsNeverOverwritesAndReportsMalformedFilesWithTheirLine() throws Exception {
        Path content = Files.createDirectories(dataDir.resolve("content-" + UUID.randomUUID()).resolve("events"));
        Files.writeString(content.resolve("expozitie-criuleni-2025.yml"), """
                type: exhibition
                start: 2025-03-12T10:00
                end: 2025-03-12T16:00
                raion: Criuleni
                locality: Criuleni
                venue: "Casa de Cultură"
                status: held
                audience: [general-public]
                participants: 45
                materials: 120
                ro: { title: "Expoziție tematică", description: "Semnele **traficului**." }
                ru: { title: "Тематическая выставка", description: "Признаки торговли людьми." }
                """);
        Files.writeString(content.resolve("bad-district.yml"), minimalYaml("2025-03-12T10:00", "2025-03-12T16:00", "Atlantida"));
        Files.writeString(content.resolve("bad-date.yml"), minimalYaml("2025-02-30T10:00", "2025-02-30T11:00", "Criuleni"));
        Files.writeString(content.resolve("bad-yaml.yml"), "type: exhibition\nstart: [2025\n");
        Files.writeString(content.resolve("ends-before.yml"), minimalYaml("2025-03-12T10:00", "2025-03-12T09:00", "Criuleni"));
        EventImporter importer = new EventImporter(events);
        ImportReport first = importer.importFolder(content.getParent());
        assertEquals(1, first.created());
        assertEquals(4, first.problems().size(), first.problems().toString());
        assertTrue(first.problems().stream().anyMatch(p -> p.file().endsWith("bad-district.yml") && p.line() == 4
                && p.reason().contains("raion")), first.problems().toString());
        assertTrue(first.problems().stream().anyMatch(p -> p.file().endsWith("bad-date.yml") && p.line() == 2),
                first.problems().toString());
        assertTrue(first.problems().stream().anyMatch(p -> p.file().endsWith("bad-yaml.yml") && p.line() > 0),
                first.problems().toString());
        assertTrue(first.problems().stream().anyMatch(p -> p.file().endsWith("ends-before.yml") && p.line() == 3),
                first.problems().toString());
        EventView imported = events.find("expozitie-criuleni-2025").orElseThrow();
        assertEquals(EventType.EXHIBITION, imported.type());
        assertEquals(120, imported.materials());

        // A trainer edits it; the next start imports nothing over it.
        saved(counts(imported.toDraft(), 46, 120, "held"));
        ImportReport second = importer.importFolder(content.getParent());
        assertEquals(0, second.created());
        assertEquals(1, second.unchanged());
        assertEquals(46, events.find("expozitie-criuleni-2025").orElseThrow().participants());
    }

    /** An event file with only the required fields: start on line 2, end on line 3, raion on line 4. */
    private static String minimalYaml(String start, String end, String raion) {
        return "type: exhibition\nstart: " + start + "\nend: " + end + "\nraion: " + raion
                + "\nlocality: Criuleni\nstatus: held\nro: { title: \"A\", description: \"\" }\nru: { title: \"Б\", description: \"\" }\n";
    }
}
