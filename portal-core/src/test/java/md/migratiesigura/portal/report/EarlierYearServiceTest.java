package md.migratiesigura.portal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import md.migratiesigura.portal.MutableClock;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.account.PasswordHasher;
import md.migratiesigura.portal.account.PasswordPolicy;
import md.migratiesigura.portal.account.UserService;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditRecord;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.persistence.Database;
import md.migratiesigura.portal.visits.VisitStatistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Years before the portal, entered from the hotline's published factsheets, on a real MariaDB. */
class EarlierYearServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final String SOURCE = "Linia Fierbinte, Factsheet anual 2012 (La Strada)";

    private static Database database;
    private static MutableClock clock;
    private static AuditService audit;
    private static EarlierYearService years;
    private static ReportService reports;
    private static SignedInUser admin;

    @BeforeAll
    static void open(@TempDir Path dataDir) {
        database = Database.open(TestDatabases.newConfig(dataDir));
        clock = new MutableClock(NOW);
        audit = new AuditService(database.sessionFactory(), clock);
        UserService users = new UserService(database.sessionFactory(), new PasswordHasher(), PasswordPolicy.standard(),
                audit, clock);
        users.ensureAdministrator(Optional.of("director@example.org"), Optional.of("o parolă lungă de director"));
        admin = users.list().stream().map(u -> new SignedInUser(u.id(), u.email(), u.displayName(), u.role()))
                .findFirst().orElseThrow();
        years = new EarlierYearService(database.sessionFactory(), audit, clock);
        reports = new ReportService(database.sessionFactory(), new VisitStatistics(database.dataSource(), clock),
                ReportSources.NONE, audit, clock);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void empty() throws Exception {
        clock.set(NOW);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM report_earlier_years");
        }
    }

    /** The newest audit entry about a year (tests share the clock's instant, so the newest id wins). */
    private static AuditRecord latest(String target) {
        return audit.newest(0, 100).stream().filter(r -> r.target().equals(target))
                .max(Comparator.comparingLong(AuditRecord::id)).orElseThrow();
    }

    @Test
    void anAdministratorEntersAYearWithOnlyTheFiguresItsFactsheetGives() {
        years.save(admin, 2012, Map.of(Figure.HOTLINE_CALLS, 3_100L, Figure.MATERIALS_HANDED_OUT, 0L), "  " + SOURCE + " ");

        EarlierYear year = years.find(2012).orElseThrow();
        assertEquals(3_100L, year.value(Figure.HOTLINE_CALLS));
        assertEquals(0L, year.value(Figure.MATERIALS_HANDED_OUT), "zero is a figure, not an unknown");
        assertNull(year.value(Figure.CONSULTATIONS_ONLINE), "a figure the factsheet does not give stays unknown");
        assertEquals(SOURCE, year.source());
        assertEquals(NOW, year.enteredAt());
        AuditRecord entry = latest("report 2012");
        assertEquals(AuditAction.EARLIER_YEAR_SAVED, entry.action());
        assertEquals("director@example.org", entry.actorEmail());
        assertEquals(NOW, entry.occurredAt());
    }

    @Test
    void yearsAreListedNewestFirstAndAChangeReplacesTheFigures() {
        years.save(admin, 2003, Map.of(Figure.HOTLINE_CALLS, 900L), SOURCE);
        years.save(admin, 2014, Map.of(Figure.HOTLINE_CALLS, 5_000L, Figure.HOTLINE_SOS, 40L), SOURCE);
        clock.set(NOW.plusSeconds(60));
        years.save(admin, 2014, Map.of(Figure.HOTLINE_SOS, 41L), "Factsheet 2014, ediția corectată");

        assertEquals(List.of(2014, 2003), years.list().stream().map(EarlierYear::year).toList());
        EarlierYear changed = years.find(2014).orElseThrow();
        assertNull(changed.value(Figure.HOTLINE_CALLS), "a figure cleared in the form is gone");
        assertEquals(41L, changed.value(Figure.HOTLINE_SOS));
        assertEquals("Factsheet 2014, ediția corectată", changed.source());
        assertEquals(NOW.plusSeconds(60), changed.enteredAt());
        assertTrue(latest("report 2014").detail().startsWith("changed"));
    }

    @Test
    void deletingAYearRemovesItAndIsAudited() {
        years.save(admin, 2010, Map.of(Figure.HOTLINE_CALLS, 2_000L), SOURCE);
        assertTrue(years.delete(admin, 2010));
        assertTrue(years.find(2010).isEmpty());
        assertEquals(AuditAction.EARLIER_YEAR_DELETED, latest("report 2010").action());
        assertFalse(years.delete(admin, 2010), "nothing left to delete");
    }

    @Test
    void badFiguresAreRefusedWithTheirReasonAndNothingIsSaved() {
        long audited = audit.count();
        assertEquals(EarlierYearService.Problem.YEAR, assertThrows(EarlierYearService.InvalidYearException.class,
                () -> years.save(admin, 2000, Map.of(Figure.HOTLINE_CALLS, 1L), SOURCE)).problem());
        assertEquals(EarlierYearService.Problem.YEAR, assertThrows(EarlierYearService.InvalidYearException.class,
                () -> years.save(admin, ReportService.FIRST_YEAR, Map.of(Figure.HOTLINE_CALLS, 1L), SOURCE)).problem(),
                "from 2015 a year has a report of its own");
        assertEquals(EarlierYearService.Problem.VALUE, assertThrows(EarlierYearService.InvalidYearException.class,
                () -> years.save(admin, 2005, Map.of(Figure.HOTLINE_CALLS, -1L), SOURCE)).problem());
        assertEquals(EarlierYearService.Problem.SOURCE, assertThrows(EarlierYearService.InvalidYearException.class,
                () -> years.save(admin, 2005, Map.of(Figure.HOTLINE_CALLS, 1L), "  ")).problem());
        assertEquals(EarlierYearService.Problem.NO_FIGURE, assertThrows(EarlierYearService.InvalidYearException.class,
                () -> years.save(admin, 2005, Map.of(), SOURCE)).problem());
        assertTrue(years.list().isEmpty());
        assertEquals(audited, audit.count());
    }

    @Test
    void theRetrospectiveOfThePortalsYearsIsUntouchedByEarlierYears() {
        years.save(admin, 2014, Map.of(Figure.HOTLINE_CALLS, 5_000L), SOURCE);
        assertTrue(reports.retrospective().stream().noneMatch(r -> r.year() < ReportService.FIRST_YEAR));
        assertFalse(reports.isReportYear(2014), "an earlier year has no report page of its own");
    }
}
