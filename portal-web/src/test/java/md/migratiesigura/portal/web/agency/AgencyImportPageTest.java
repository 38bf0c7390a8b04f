package md.migratiesigura.portal.web.agency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import md.migratiesigura.portal.agency.AgencyFixtures;
import md.migratiesigura.portal.agency.AgencyService;
import md.migratiesigura.portal.agency.AgencyView;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditRecord;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.web.OwnCoreTest;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.TestPortal;
import md.migratiesigura.portal.web.account.LoginPage;
import md.migratiesigura.portal.web.admin.AccessDeniedPage;
import md.migratiesigura.portal.web.admin.StaffTesting;
import md.migratiesigura.portal.web.common.Texts;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The import screen of the licensed-agency registry, in WicketTester on a core of its own (imports must not change
 * what the public page tests see on the shared one): preview, apply, cancel, malformed files, roles.
 */
class AgencyImportPageTest extends OwnCoreTest {

    private static final String HEADER = "idno,name,licence_number,valid_until,countries,partners\n";
    private static final String NEW_IDNO = "1003600077777";
    private static final List<String> IDNOS = List.of(AgencyFixtures.VALID_IDNO, AgencyFixtures.RUSSIAN_IDNO,
            AgencyFixtures.EXPIRED_IDNO, NEW_IDNO);

    AgencyImportPageTest() {
        super("portal-agency-import-test");
    }

    @BeforeEach
    void setUp() {
        AgencyFixtures.loadSample(core.agencies());
        tester = new WicketTester(new PortalApplication(core, config));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aGoodFileIsPreviewedWithoutChangeThenAppliedExactlyAsShown(Language language) {
        String editor = newStaff(Role.EDITOR);
        open(editor, language);
        Registry before = registry();

        upload(update());

        tester.assertNoErrorMessage();
        tester.assertLabel("preview:added", "1");
        tester.assertLabel("preview:changed", "1");
        tester.assertLabel("preview:unchanged", "1");
        tester.assertLabel("preview:removed", "1");
        tester.assertLabel("preview:problems", "0");
        String html = tester.getLastResponseAsString();
        boolean ro = language == Language.RO;
        assertTrue(html.contains("Agenție Nouă SRL"), "the new agency is listed");
        assertTrue(html.contains(ro ? "Polonia, Cehia</del>" : "Польша, Чехия</del>"), "the old countries");
        assertTrue(html.contains(ro ? "Polonia, Cehia, Germania</ins>" : "Польша, Чехия, Германия</ins>"), "the new ones");
        assertTrue(html.contains(ro ? "31 decembrie 2099</del>" : "31 декабря 2099 г.</del>"), "the old date");
        assertTrue(html.contains(ro ? "30 iunie 2030</ins>" : "30 июня 2030 г.</ins>"), "the new date");
        assertTrue(html.contains("Ţara Visurilor"), "the agency no longer listed is shown");
        assertTrue(html.contains(ro ? "o agenție care nu mai este în fișier va fi scoasă din registru"
                : "1 агентство, которого больше нет в файле, будет удалено из реестра"), "removal is said plainly");
        assertTrue(html.contains(ro ? "cele 3 agenții din fișier vor fi marcate" : "3 агентства из файла будут отмечены"),
                "every listed agency is verified again");
        assertTrue(html.contains(ro ? "Aceste coloane nu sunt folosite și sunt ignorate: adresa."
                : "Эти столбцы не используются и пропускаются: adresa."));
        assertEquals(before, registry(), "a preview changes nothing");

        Instant applied = Instant.now();
        decide("apply");

        tester.assertInfoMessages(ro ? "Registrul a fost actualizat. Agenții noi: 1; modificate: 1; neschimbate: 1; scoase din registru: 1."
                : "Реестр обновлён. Новых агентств: 1; изменённых: 1; без изменений: 1; удалённых из реестра: 1.");
        AgencyService agencies = core.agencies();
        assertEquals(3, agencies.count());
        assertTrue(agencies.byIdno(AgencyFixtures.EXPIRED_IDNO).isEmpty(), "the agency no longer listed is removed");
        assertEquals(List.of("PL", "CZ", "DE"), agencies.byIdno(AgencyFixtures.RUSSIAN_IDNO).orElseThrow().countries());
        AgencyView added = agencies.byIdno(NEW_IDNO).orElseThrow();
        assertFalse(added.lastVerifiedAt().isBefore(applied.minusSeconds(1)), "verified by this import");
        assertFalse(agencies.byIdno(AgencyFixtures.VALID_IDNO).orElseThrow().lastVerifiedAt()
                .isBefore(applied.minusSeconds(1)), "an unchanged agency is verified again too");
        AuditRecord audit = core.audit().newest(0, 1).get(0);
        assertEquals(AuditAction.AGENCIES_IMPORTED, audit.action());
        assertEquals(editor, audit.actorEmail());
        assertEquals("new 1, changed 1, unchanged 1, removed 1", audit.detail());
        tester.assertInvisible("preview");
        tester.assertLabel("lastImported", (ro ? "Ultimul import: " : "Последний импорт: ")
                + Texts.dateTime(added.lastVerifiedAt(), language.locale()) + ".");

        tester.executeUrl(ro ? "ro/agentii?q=" + NEW_IDNO : "ru/agentstva?q=" + NEW_IDNO);
        assertTrue(tester.getLastResponseAsString().contains((ro ? "Verificat ultima dată în lista oficială: "
                : "Последняя сверка с официальным списком: ") + Texts.date(applied, language.locale())),
                "the public page shows the import date");
    }

    static Stream<Arguments> malformedFiles() {
        byte[] big = new byte[AgencyService.MAX_CSV_BYTES + 1];
        Arrays.fill(big, (byte) '\n');
        byte[] header = HEADER.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(header, 0, big, 0, header.length);
        Stream<Arguments> cases = Stream.of(
                Arguments.of("wrong columns", "IDNO;Denumire;Licenta\n1003600012345;X SRL;AA 1\n".getBytes(StandardCharsets.UTF_8),
                        "Lipsesc: name, licence_number, valid_until, countries, partners. Găsite: IDNO, Denumire, Licenta.",
                        "Не хватает: name, licence_number, valid_until, countries, partners. Найдены: IDNO, Denumire, Licenta."),
                Arguments.of("bad date", (HEADER + "1003600012345,Una SRL,AA 1,31.02.2030,Germania,\n").getBytes(StandardCharsets.UTF_8),
                        "„31.02.2030” din coloana valid_until nu este o dată: scrie 2026-12-31 sau 31.12.2026.",
                        "«31.02.2030» в столбце valid_until не дата: пишите 2026-12-31 или 31.12.2026."),
                Arguments.of("duplicate IDNO", (HEADER + "1003600012345,Una SRL,AA 1,2030-12-31,Germania,\n"
                                + "1003600012345,Una Bis SRL,AA 3,2030-12-31,Germania,\n").getBytes(StandardCharsets.UTF_8),
                        "IDNO-ul 1003600012345 este deja pe rândul 2: fiecare agenție apare o singură dată.",
                        "IDNO 1003600012345 уже есть в строке 2: каждое агентство указывается один раз."),
                Arguments.of("non-UTF-8", (HEADER + "1003600012345,Agenţia Ştiinţa SRL,AA 1,2030-12-31,România,\n")
                                .getBytes(Charset.forName("ISO-8859-2")),
                        "Salvează-l din nou ca „CSV UTF-8”", "Сохраните его заново как «CSV UTF-8»"),
                Arguments.of("quote left open", (HEADER + "1003600012345,\"Una SRL,AA 1,2030-12-31,Germania,\n")
                                .getBytes(StandardCharsets.UTF_8),
                        "o ghilimea nu este închisă", "кавычка не закрыта"),
                Arguments.of("bad IDNO", (HEADER + "12345,Scurt SRL,AA 1,2030-12-31,Germania,\n").getBytes(StandardCharsets.UTF_8),
                        "IDNO-ul „12345” nu are 13 cifre.", "IDNO «12345» состоит не из 13 цифр."),
                Arguments.of("over 5 MB", big,
                        "Fișierul este mai mare de 5 MB și nu a fost citit.", "Файл больше 5 МБ и не был прочитан."));
        return cases.flatMap(c -> Stream.of(Language.values()).map(l -> Arguments.of(l, c.get()[0], c.get()[1],
                l == Language.RO ? c.get()[2] : c.get()[3])));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformedFiles")
    void aMalformedFileIsExplainedAndChangesNothing(Language language, String what, byte[] csv, String message) {
        open(newStaff(Role.EDITOR), language);
        Registry before = registry();

        upload(csv);

        String html = tester.getLastResponseAsString();
        assertTrue(html.contains(message), what + ": " + message);
        assertFalse(tester.getMessages(org.apache.wicket.feedback.FeedbackMessage.ERROR).isEmpty(), "an error is shown");
        assertFalse(html.contains(language == Language.RO ? ">Aplică<" : ">Применить<"), "nothing to apply");
        assertEquals(before, registry(), "nothing changed");
    }

    @Test
    void aMalformedRowIsShownByLineBesideTheRowsThatAreFine() {
        open(newStaff(Role.ADMINISTRATOR), Language.RO);
        upload((HEADER + "1003600012345,Una SRL,AA 1,2030-12-31,Germania,\n"
                + "1003600012346,Doua SRL,AA 2,2030-12-31,Atlantida,\n").getBytes(StandardCharsets.UTF_8));
        tester.assertErrorMessages("Fișierul nu poate fi importat: are o problemă, arătată mai jos. Nimic nu s-a schimbat.");
        tester.assertLabel("preview:problemsTable:problem:0:line", "3");
        tester.assertLabel("preview:problemsTable:problem:0:reason",
                "Țara „Atlantida” nu este recunoscută: scrie numele ei (de exemplu Germania) sau codul (de exemplu DE).");
        tester.assertInvisible("preview:decideForm:apply");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void administratorsImportAndSeeTheImportInTheAuditLog(Language language) {
        open(TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD, language, true);
        upload(update());
        decide("apply");
        tester.executeUrl("admin/audit");
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains(language == Language.RO ? "Registrul agențiilor importat" : "Реестр агентств импортирован"));
        assertTrue(html.contains("new 1, changed 1, unchanged 1, removed 1"), "the counts");
    }

    @Test
    void cancelForgetsThePreviewAndChangesNothing() {
        open(newStaff(Role.EDITOR), Language.RO);
        Registry before = registry();
        upload(update());
        decide("cancel");
        tester.assertInfoMessages("Importul a fost anulat. Registrul a rămas neschimbat.");
        tester.assertInvisible("preview");
        assertEquals(before, registry());
    }

    @Test
    void noFileChosenGetsAMessage() {
        open(newStaff(Role.EDITOR), Language.RU);
        StaffTesting.submit(tester, tester.newFormTester("uploadForm"));
        tester.assertErrorMessages("Выберите CSV-файл с официальным списком.");
    }

    @Test
    void aPreviewIsNotAppliedWhenTheRegistryChangedMeanwhile() {
        open(newStaff(Role.EDITOR), Language.RO);
        upload(update());
        // Another editor imports a list in between: this preview no longer says what applying would do.
        byte[] theirs = (HEADER + "1003600088888,Alta Agenție SRL,AE 000005,2031-01-01,Spania,\n")
                .getBytes(StandardCharsets.UTF_8);
        core.agencies().apply(core.agencies().preview(theirs), null);
        Registry before = registry();

        decide("apply");

        assertTrue(tester.getLastResponseAsString().contains("Între timp registrul a fost schimbat"));
        assertEquals(before, registry(), "nothing applied");
        assertEquals(1, core.agencies().count());
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"TRAINER", "COUNSELLOR"})
    void rolesOtherThanEditorsAndAdministratorsGetA403(Role role) {
        open(newStaff(role), TestPortal.STAFF_PASSWORD, Language.RO, false);
        assertFalse(tester.getLastResponseAsString().contains("Registrul agențiilor"), "not offered");
        tester.executeUrl("admin/agencies");
        tester.assertRenderedPage(AccessDeniedPage.class);
        assertEquals(403, tester.getLastResponse().getStatus());
        assertEquals(AuditAction.ACCESS_DENIED, core.audit().newest(0, 1).get(0).action());
    }

    @Test
    void anonymousVisitorsAreSentToTheLogin() {
        tester.executeUrl("admin/agencies");
        tester.assertRenderedPage(LoginPage.class);
    }

    /** What the registry holds, as far as the tests can tell: its size and the fixtures' entries. */
    private record Registry(long size, List<Optional<AgencyView>> entries) {
    }

    private Registry registry() {
        return new Registry(core.agencies().count(), IDNOS.stream().map(core.agencies()::byIdno).toList());
    }

    private static byte[] update() {
        try (InputStream in = AgencyImportPageTest.class.getResourceAsStream("/agencies/registry-update.csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void open(String email, Language language) {
        open(email, TestPortal.STAFF_PASSWORD, language, true);
    }

    /** Signs in, switches to the language, and opens the import page when asked. */
    private void open(String email, String password, Language language, boolean importPage) {
        StaffTesting.signIn(tester, email, password);
        if (language == Language.RU) {
            StaffTesting.click(tester, "languageSwitch");
        }
        if (importPage) {
            assertTrue(tester.getLastResponseAsString().contains(
                    language == Language.RO ? "Registrul agențiilor" : "Реестр агентств"), "offered on the dashboard");
            tester.executeUrl("admin/agencies");
            tester.assertRenderedPage(AgencyImportPage.class);
        }
    }

    private void upload(byte[] csv) {
        try {
            File file = File.createTempFile("registry", ".csv");
            file.deleteOnExit();
            Files.write(file.toPath(), csv);
            FormTester form = tester.newFormTester("uploadForm");
            form.setFile("file", new org.apache.wicket.util.file.File(file), "text/csv");
            StaffTesting.submit(tester, form);
            tester.assertRenderedPage(AgencyImportPage.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void decide(String button) {
        StaffTesting.submit(tester, tester.newFormTester("preview:decideForm"), button);
    }

    private String newStaff(Role role) {
        return TestPortal.newStaff(core, role);
    }
}
