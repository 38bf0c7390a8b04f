package md.migratiesigura.portal.web.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import md.migratiesigura.portal.PortalCore;
import md.migratiesigura.portal.PortalServices;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.event.EventDraft;
import md.migratiesigura.portal.event.EventDraftBuilder;
import md.migratiesigura.portal.event.EventSaveResult;
import md.migratiesigura.portal.event.EventView;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.TestPortal;
import md.migratiesigura.portal.web.admin.AccessDeniedPage;
import md.migratiesigura.portal.web.admin.StaffTesting;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The events' public pages (both languages, stateless, filters, JSON-LD) and the trainers' back office (roles,
 * validation messages in both languages, the past-but-planned reminder, conflicts), on a core of their own.
 */
class EventPagesTest {

    private static final ZoneId CHISINAU = ZoneId.of("Europe/Chisinau");
    private static PortalConfig config;
    private static PortalServices services;
    private static SignedInUser trainer;
    private static String trainerEmail;
    private static EventView past;
    private static EventView upcoming;
    private static EventView cancelled;
    private WicketTester tester;

    @BeforeAll
    static void startCore() throws IOException {
        Map<String, String> env = TestDatabases.portalEnvironment(Files.createTempDirectory("portal-events-test"));
        env.put("PORTAL_ADMIN_EMAIL", TestPortal.ADMIN_EMAIL);
        env.put("PORTAL_ADMIN_PASSWORD", TestPortal.ADMIN_PASSWORD);
        config = PortalConfig.from(env, new Properties());
        services = PortalCore.start(config);
        trainerEmail = newStaff(Role.TRAINER);
        trainer = services.users().authenticate(trainerEmail, TestPortal.STAFF_PASSWORD).orElseThrow();
        LocalDate today = LocalDate.now(CHISINAU);
        past = save(draft("school-session", "held", "Sesiune la liceul din Criuleni", "Занятие в лицее Криулень",
                today.minusDays(40), "Criuleni", 45, 120));
        upcoming = save(draft("exhibition", "planned", "Expoziție tematică la Ocnița", "Тематическая выставка в Окнице",
                today.plusDays(20), "ocnita", null, null));
        cancelled = save(draft("campaign", "cancelled", "Campanie anulată la Strășeni", "Отменённая кампания в Страшенах",
                today.plusDays(30), "straseni", null, null));
    }

    @AfterAll
    static void closeCore() {
        services.close();
    }

    @BeforeEach
    void setUp() {
        tester = new WicketTester(new PortalApplication(services, config));
    }

    @AfterEach
    void tearDown() {
        tester.destroy();
    }

    private static String newStaff(Role role) {
        return TestPortal.newStaff(services, role);
    }

    private static EventDraft draft(String type, String status, String ro, String ru, LocalDate day, String district,
                                    Integer participants, Integer materials) {
        return new EventDraft(null, 0, type, status, ro, ru, "Despre **semnele** traficului.", "О **признаках** торговли.",
                day.toString(), "10:00", "", "11:30", district, "Criuleni", "Liceul Teoretic", List.of("pupils"),
                "Direcția Educație", participants, materials, List.of());
    }

    private static EventView save(EventDraft draft) {
        EventSaveResult result = services.events().save(trainer, draft);
        return assertInstanceOf(EventSaveResult.Saved.class, result, String.valueOf(result)).event();
    }

    private static String listPath(Language language) {
        return language == Language.RO ? "ro/evenimente" : "ru/sobytiya";
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theListingIsStatelessAndShowsUpcomingEventsBeforePastOnes(Language language) {
        tester.executeUrl(listPath(language));
        tester.assertRenderedPage(EventsPage.class);
        assertTrue(tester.getLastRenderedPage().isPageStateless(), "anonymous visitors must get no session");
        assertTrue(tester.getSession().isTemporary());
        String html = tester.getLastResponseAsString();
        int soon = html.indexOf(upcoming.title(language));
        int later = html.indexOf(cancelled.title(language));
        int before = html.indexOf(past.title(language));
        assertTrue(soon > 0 && soon < later && later < before, "upcoming soonest first, then past: " + soon + " " + later
                + " " + before);
        assertTrue(html.contains(language == Language.RO ? "Evenimente viitoare" : "Предстоящие события"));
        assertTrue(html.contains(language == Language.RO ? "Anulat" : "Отменено"), "the cancelled one says so");
        assertTrue(html.contains("/" + listPath(language) + ".ics"), "the subscribable calendar");
        assertTrue(html.contains(language == Language.RO ? ">Evenimente</a>" : ">События</a>"), "in the main navigation");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void filtersByTypeDistrictAndMonthNarrowTheListing(Language language) {
        tester.executeUrl(listPath(language) + "?type=exhibition");
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains(upcoming.title(language)));
        assertFalse(html.contains(past.title(language)));
        assertTrue(html.contains("value=\"exhibition\" selected=\"selected\""), "the choice stays selected");

        tester.executeUrl(listPath(language) + "?district=criuleni");
        html = tester.getLastResponseAsString();
        assertTrue(html.contains(past.title(language)));
        assertFalse(html.contains(upcoming.title(language)));

        String month = past.start().atZone(CHISINAU).toLocalDate().toString().substring(0, 7);
        tester.executeUrl(listPath(language) + "?month=" + month);
        html = tester.getLastResponseAsString();
        assertTrue(html.contains(past.title(language)));
        assertFalse(html.contains(cancelled.title(language)));
        assertTrue(tester.getLastRenderedPage().isPageStateless());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void anUnknownFilterGetsAMessageAndA400(Language language) {
        tester.executeUrl(listPath(language) + "?type=party&month=2025-13");
        assertEquals(400, tester.getLastResponse().getStatus());
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains(language == Language.RO ? "nu este o alegere din listă" : "не взят из списка"), html);
        assertTrue(html.contains(past.title(language)), "the listing without the bad filter");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theEventPageShowsLocalizedTimePlaceDescriptionCalendarLinkAndJsonLd(Language language) {
        tester.executeUrl(listPath(language) + "/" + past.key());
        tester.assertRenderedPage(EventPage.class);
        assertTrue(tester.getLastRenderedPage().isPageStateless());
        String html = tester.getLastResponseAsString();
        Locale locale = language.locale();
        String day = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(locale).format(past.start().atZone(CHISINAU));
        assertTrue(html.contains(day + ", 10:00–11:30"), "date and time in the reader's format: " + day);
        assertTrue(html.contains(language == Language.RO ? "<strong>semnele</strong>" : "<strong>признаках</strong>"));
        assertTrue(html.contains("Liceul Teoretic, Criuleni"), "the place");
        assertTrue(html.contains(language == Language.RO ? "45 de participanți" : "45 участников"), html);
        assertTrue(html.contains("href=\"/" + listPath(language) + "/" + past.key() + ".ics\""), "add to calendar");
        assertTrue(html.contains("\"@type\":\"Event\""), "schema.org Event");
        assertTrue(html.contains("\"startDate\":\"" + past.start().atZone(CHISINAU).toOffsetDateTime()), html);
        assertTrue(html.contains("\"eventStatus\":\"https://schema.org/EventScheduled\""));
        String other = (language == Language.RO ? "/ru/sobytiya/" : "/ro/evenimente/") + past.key();
        assertTrue(html.contains(other + "\" hreflang=\"" + language.other().code() + "\""), "the language switch");
    }

    @Test
    void aCancelledEventSaysSoOnItsPageAndInItsData() {
        tester.executeUrl("ro/evenimente/" + cancelled.key());
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("Acest eveniment a fost anulat."));
        assertTrue(html.contains("https://schema.org/EventCancelled"));
    }

    @Test
    void anUnknownEventIsA404() {
        tester.executeUrl("ru/sobytiya/no-such-event-2025-01-01");
        assertEquals(404, tester.getLastResponse().getStatus());
        tester.executeUrl("ro/evenimente/%3Cscript%3E");
        assertEquals(404, tester.getLastResponse().getStatus());
    }

    // ------------------------------------------------------------------------------------------- back office

    @Test
    void editorsAndCounsellorsGetA403AndTrainersAreOfferedEvents() {
        StaffTesting.signIn(tester, newStaff(Role.EDITOR), TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/events");
        tester.assertRenderedPage(AccessDeniedPage.class);
        assertEquals(403, tester.getLastResponse().getStatus());
        tester.destroy();
        tester = new WicketTester(new PortalApplication(services, config));
        StaffTesting.signIn(tester, trainerEmail, TestPortal.STAFF_PASSWORD);
        assertTrue(tester.getLastResponseAsString().contains("Evenimente"), "offered on the dashboard");
        tester.executeUrl("admin/events");
        tester.assertRenderedPage(EventsAdminPage.class);
        assertEquals("no-store", tester.getLastResponse().getHeader("Cache-Control"));
    }

    @Test
    void aTrainerRecordsASessionAfterwardsAndTheAuditLogHasIt() {
        StaffTesting.signIn(tester, trainerEmail, TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/events/new");
        tester.assertRenderedPage(NewEventPage.class);
        FormTester form = tester.newFormTester("form");
        String title = "Sesiune nouă " + UUID.randomUUID().toString().substring(0, 6);
        fill(form, title, LocalDate.now(CHISINAU).minusDays(3).toString(), "10:00", "11:00", "criuleni");
        form.select("status", 1);
        form.setValue("participants", "30");
        form.setValue("materials", "60");
        StaffTesting.submit(tester, form);
        tester.assertRenderedPage(EventEditPage.class);
        assertTrue(tester.getLastResponseAsString().contains("Evenimentul a fost creat."));
        EventView saved = services.events().all().stream().filter(e -> e.titleRo().equals(title)).findFirst().orElseThrow();
        assertEquals(30, saved.participants());
        assertEquals(AuditAction.EVENT_CREATED, services.audit().newest(0, 1).get(0).action());
    }

    private static void fill(FormTester form, String title, String date, String start, String end, String district) {
        form.setValue("type", "school-session");
        form.setValue("titleRo", title);
        form.setValue("titleRu", title + " (ru)");
        form.setValue("startDate", date);
        form.setValue("startTime", start);
        form.setValue("endTime", end);
        form.setValue("district", district);
        form.setValue("locality", "Criuleni");
    }

    @Test
    void validationMessagesNameTheProblemInRomanianAndRussianAndNothingIsSaved() {
        StaffTesting.signIn(tester, trainerEmail, TestPortal.STAFF_PASSWORD);
        long before = services.events().all().size();
        tester.executeUrl("admin/events/new");
        FormTester form = tester.newFormTester("form");
        fill(form, "Greșit", "2026-02-30", "10:00", "09:00", "criuleni");
        form.setValue("participants", "-3");
        StaffTesting.submit(tester, form);
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("nu poate fi negativ"), html);
        tester.executeUrl("admin/events/new");
        form = tester.newFormTester("form");
        fill(form, "Greșit", "2026-02-30", "10:00", "09:00", "criuleni");
        StaffTesting.submit(tester, form);
        html = tester.getLastResponseAsString();
        assertTrue(html.contains("nu este o dată reală"), html);
        tester.executeUrl("admin/events/new");
        form = tester.newFormTester("form");
        fill(form, "Greșit", "2026-03-12", "10:00", "09:00", "criuleni");
        StaffTesting.submit(tester, form);
        assertTrue(tester.getLastResponseAsString().contains("Evenimentul se încheie înainte să înceapă"));

        tester.getSession().setLocale(Language.RU.locale());
        tester.executeUrl("admin/events/new");
        form = tester.newFormTester("form");
        fill(form, "Неверно", "2026-03-12", "10:00", "09:00", "criuleni");
        form.setValue("materials", "много");
        StaffTesting.submit(tester, form);
        html = tester.getLastResponseAsString();
        assertTrue(html.contains("должно быть целым числом"), html);
        tester.executeUrl("admin/events/new");
        form = tester.newFormTester("form");
        fill(form, "Неверно", "2026-03-12", "10:00", "09:00", "criuleni");
        StaffTesting.submit(tester, form);
        assertTrue(tester.getLastResponseAsString().contains("Событие заканчивается раньше, чем начинается"));
        assertEquals(before, services.events().all().size(), "nothing half-saved");
    }

    @Test
    void aPastEventStillPlannedIsPointedOutInTheListAndOnTheForm() {
        EventView forgotten = save(draft("exhibition", "planned", "Expoziție uitată " + UUID.randomUUID(), "Забытая",
                LocalDate.now(CHISINAU).minusDays(2), "ocnita", null, null));
        StaffTesting.signIn(tester, trainerEmail, TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/events");
        String list = tester.getLastResponseAsString();
        assertTrue(list.contains("au trecut, dar sunt încă „planificate”") || list.contains("a trecut, dar este încă"), list);
        assertTrue(list.contains("de actualizat"));
        tester.executeUrl("admin/events/" + forgotten.key());
        assertTrue(tester.getLastResponseAsString().contains("Evenimentul s-a încheiat, dar este încă „planificat”."));
    }

    @Test
    void aSaveOnTopOfAnotherTrainersSaveIsRefusedWithAClearMessageAndTheSecondSaveGoesThrough() {
        EventView mine = save(draft("training", "planned", "Instruire " + UUID.randomUUID(), "Обучение",
                LocalDate.now(CHISINAU).plusDays(5), "ialoveni", null, null));
        StaffTesting.signIn(tester, trainerEmail, TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/events/" + mine.key());
        FormTester form = tester.newFormTester("form");
        form.setValue("venue", "Sala mea");
        // Someone else saves in between.
        save(EventDraftBuilder.change(mine.toDraft(), b -> b.venue = "Sala lor"));
        StaffTesting.submit(tester, form);
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("Altcineva a salvat acest eveniment între timp"), html);
        assertTrue(html.contains("value=\"Sala mea\""), "what I typed stays in the form");
        assertEquals("Sala lor", services.events().find(mine.key()).orElseThrow().venue());
        StaffTesting.submit(tester, tester.newFormTester("form"));
        assertEquals("Sala mea", services.events().find(mine.key()).orElseThrow().venue(), "saving again replaces theirs");
    }

    @Test
    void aTrainerAddsAPhotoUnderTheArticleImageRulesAndThePublicPageShowsIt() throws Exception {
        EventView event = save(draft("exhibition", "held", "Expoziție cu fotografii " + UUID.randomUUID(), "Выставка",
                LocalDate.now(CHISINAU).minusDays(1), "straseni", 20, 50));
        StaffTesting.signIn(tester, trainerEmail, TestPortal.STAFF_PASSWORD);
        java.nio.file.Path notAnImage = Files.createTempFile("not-an-image", ".jpg");
        Files.writeString(notAnImage, "<html><script>alert(1)</script></html>");
        tester.executeUrl("admin/events/" + event.key());
        FormTester form = tester.newFormTester("form");
        form.setFile("photo", new org.apache.wicket.util.file.File(notAnImage.toFile()), "image/jpeg");
        StaffTesting.submit(tester, form);
        assertTrue(tester.getLastResponseAsString().contains("nu este o imagine JPEG, PNG sau WebP"));
        assertTrue(services.events().find(event.key()).orElseThrow().photos().isEmpty());

        java.nio.file.Path png = Files.createTempFile("photo", ".png");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(800, 600,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", png.toFile());
        tester.executeUrl("admin/events/" + event.key());
        form = tester.newFormTester("form");
        form.setFile("photo", new org.apache.wicket.util.file.File(png.toFile()), "image/png");
        StaffTesting.submit(tester, form);
        assertTrue(tester.getLastResponseAsString().contains("Evenimentul a fost salvat."), tester.getLastResponseAsString());
        List<String> photos = services.events().find(event.key()).orElseThrow().photos();
        assertEquals(1, photos.size());
        assertEquals(AuditAction.IMAGE_UPLOADED, services.audit().newest(1, 1).get(0).action());

        tester.executeUrl("ro/evenimente/" + event.key());
        assertTrue(tester.getLastResponseAsString().contains("src=\"/media/" + photos.get(0) + "-600.jpg\""));
    }
}
