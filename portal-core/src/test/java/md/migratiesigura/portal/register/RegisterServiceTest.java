package md.migratiesigura.portal.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditRecord;
import md.migratiesigura.portal.report.HotlineFigures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counsellors record contacts; corrections follow the author's day and the administrator's word; counts move. */
class RegisterServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-12T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 12);
    private static RegisterFixture f;

    @BeforeAll
    static void open(@TempDir Path dataDir) {
        f = new RegisterFixture(dataDir, NOW);
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @BeforeEach
    void empty() throws Exception {
        f.emptyRegister();
        f.clock.set(NOW);
    }

    private static NewEntry sosVictim(LocalDate date) {
        return new NewEntry(date, EntryChannel.CALL, EntryKind.SOS, null, CaseType.PRESUMED_VICTIM, 2, "md", "de",
                Set.of(Exploitation.LABOUR));
    }

    @Test
    void aRecordedCallCountsInItsMonthAndInTheYearsHotlineFigures() {
        assertTrue(f.register.figures(2026).isEmpty(), "no register yet: the entered figures stay");
        f.register.record(f.counsellor, NewEntry.simple(TODAY, EntryChannel.CALL, EntryKind.ISRAEL_PROGRAMME));
        f.register.record(f.counsellor, sosVictim(TODAY));
        HotlineFigures figures = f.register.figures(2026).orElseThrow();
        assertEquals(HotlineFigures.Source.REGISTER, figures.source());
        assertEquals(2L, figures.year().calls());
        assertEquals(1L, figures.year().sos());
        assertEquals(2L, figures.year().persons());
        assertEquals(2L, figures.months().get(2).calls(), "March");
        assertEquals(0L, figures.months().get(1).calls(), "February");
        assertEquals(2L, figures.year().presumedVictims().get("moldovan-abroad").byCountry().get("DE"));
        MonthCount march = f.register.count(YearMonth.of(2026, 3), TODAY);
        assertEquals(2, march.calls());
        assertEquals(1, march.sos());
    }

    @Test
    void entriesThatBreakTheRulesAreRefusedAndNothingIsSaved() {
        assertProblem(RegisterProblem.DATE_OUT_OF_RANGE, NewEntry.simple(TODAY.plusDays(1), EntryChannel.CALL, EntryKind.PREVENTION));
        assertProblem(RegisterProblem.CASE_NOT_ALLOWED, new NewEntry(TODAY, EntryChannel.CALL, EntryKind.PREVENTION,
                null, CaseType.AT_RISK, 1, "MD", null, Set.of()));
        assertProblem(RegisterProblem.DETAILS_WITHOUT_CASE, new NewEntry(TODAY, EntryChannel.CALL, EntryKind.SOS,
                null, null, 3, null, null, Set.of()));
        assertProblem(RegisterProblem.VICTIM_NEEDS_PLACE, new NewEntry(TODAY, EntryChannel.CALL, EntryKind.SOS,
                null, CaseType.PRESUMED_VICTIM, 1, "MD", null, Set.of()));
        assertProblem(RegisterProblem.BAD_COUNTRY, new NewEntry(TODAY, EntryChannel.CALL, EntryKind.SOS,
                null, CaseType.PRESUMED_VICTIM, 1, "MD", "XX", Set.of()));
        assertProblem(RegisterProblem.BAD_PERSONS, new NewEntry(TODAY, EntryChannel.CALL, EntryKind.SOS,
                null, CaseType.MISSING, 51, "MD", null, Set.of()));
        assertProblem(RegisterProblem.UNKNOWN_SERVICE, new NewEntry(TODAY, EntryChannel.CALL, EntryKind.REFERRAL,
                987654L, null, 0, null, null, Set.of()));
        assertTrue(f.register.figures(2026).isEmpty(), "nothing was saved");
    }

    private static void assertProblem(RegisterProblem expected, NewEntry entry) {
        RegisterException e = assertThrows(RegisterException.class, () -> f.register.record(f.counsellor, entry));
        assertEquals(expected, e.problem());
    }

    @Test
    void theAuthorCorrectsWithinADayThenOnlyAnAdministratorMayAndEveryChangeIsAudited() {
        long id = f.register.record(f.counsellor, NewEntry.simple(TODAY, EntryChannel.CALL, EntryKind.PREVENTION));
        assertEquals(RegisterDenied.Reason.NOT_ALLOWED, assertThrows(RegisterDenied.class, () ->
                f.register.correct(f.otherCounsellor, id, NewEntry.simple(TODAY, EntryChannel.CALL, EntryKind.SOS))).reason());
        f.register.correct(f.counsellor, id, NewEntry.simple(TODAY, EntryChannel.CALL, EntryKind.ISRAEL_PROGRAMME));
        assertEquals(EntryKind.ISRAEL_PROGRAMME, f.register.find(id).orElseThrow().entry().kind());
        assertEquals(AuditAction.REGISTER_ENTRY_CORRECTED, lastAudit().action());
        assertEquals("register #" + id, lastAudit().target());

        f.clock.advance(Duration.ofHours(25));
        assertFalse(f.register.mayChange(f.counsellor, f.register.find(id).orElseThrow()));
        assertThrows(RegisterDenied.class, () -> f.register.delete(f.counsellor, id));
        assertTrue(f.register.find(id).isPresent(), "still there");
        f.register.delete(f.admin, id);
        assertTrue(f.register.find(id).isEmpty());
        assertEquals(AuditAction.REGISTER_ENTRY_DELETED, lastAudit().action());
        assertEquals(RegisterDenied.Reason.NOT_FOUND, assertThrows(RegisterDenied.class,
                () -> f.register.delete(f.admin, id)).reason());
    }

    @Test
    void aCorrectionThatBreaksARuleChangesNothing() {
        long id = f.register.record(f.counsellor, sosVictim(TODAY));
        assertThrows(RegisterException.class, () -> f.register.correct(f.counsellor, id, new NewEntry(TODAY,
                EntryChannel.CALL, EntryKind.SOS, null, CaseType.PRESUMED_VICTIM, 2, "MD", null, Set.of())));
        assertEquals("DE", f.register.find(id).orElseThrow().entry().country());
    }

    @Test
    void aCounsellorListsTheirOwnEntriesAndAnAdministratorEveryones() {
        f.register.record(f.counsellor, NewEntry.simple(TODAY, EntryChannel.CALL, EntryKind.PREVENTION));
        f.register.record(f.otherCounsellor, NewEntry.simple(TODAY, EntryChannel.CALL, EntryKind.PREVENTION));
        assertEquals(1, f.register.recent(f.counsellor, 20).size());
        assertEquals(2, f.register.recent(f.admin, 20).size());
    }

    @Test
    void aClosedChatIsRecordedTodayAsAChatWithItsTopic() {
        long id = f.register.recordChat(f.counsellor, EntryKind.PREVENTION, "job-offer");
        EntryView chat = f.register.find(id).orElseThrow();
        assertEquals(EntryChannel.CHAT, chat.entry().channel());
        assertEquals(TODAY, chat.entry().date());
        assertEquals(1L, f.register.figures(2026).orElseThrow().year().chats());
        assertEquals(0L, f.register.figures(2026).orElseThrow().year().calls(), "a chat is not a call");
        assertThrows(RegisterException.class, () -> f.register.recordChat(f.counsellor, EntryKind.SOS, "Ion Popescu"));
    }

    @Test
    void theDashboardComparesThisMonthSoFarWithTheSameDaysLastYear() {
        f.register.record(f.counsellor, NewEntry.simple(TODAY, EntryChannel.CALL, EntryKind.PREVENTION));
        f.register.record(f.counsellor, NewEntry.simple(LocalDate.of(2025, 3, 5), EntryChannel.CALL, EntryKind.PREVENTION));
        f.register.record(f.counsellor, NewEntry.simple(LocalDate.of(2025, 3, 5), EntryChannel.CHAT, EntryKind.PREVENTION));
        f.register.record(f.counsellor, NewEntry.simple(LocalDate.of(2025, 3, 20), EntryChannel.CALL, EntryKind.PREVENTION));
        RegisterService.MonthComparison month = f.register.thisMonth();
        assertEquals(1, month.soFar().total());
        assertEquals(2, month.lastYearSameDays().total());
        assertEquals(3, month.lastYearWholeMonth().total());
    }

    private static AuditRecord lastAudit() {
        return f.audit.newest(0, 1).get(0);
    }
}
