package md.migratiesigura.portal.web.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.account.NewUser;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.event.EventDraft;
import md.migratiesigura.portal.event.EventSaveResult;
import md.migratiesigura.portal.event.EventView;
import md.migratiesigura.portal.web.PortalServer;
import md.migratiesigura.portal.web.TestPortal;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The events over HTTP on the real server: the .ics feeds, the API, the sitemap and search. */
class EventsServerTest {

    private static final ZoneId CHISINAU = ZoneId.of("Europe/Chisinau");
    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final ObjectMapper json = new ObjectMapper();
    private static final String WORD = "zxq" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "k");
    private static PortalServer server;
    private static EventView held;
    private static EventView exhibition;
    private static EventView cancelled;

    @BeforeAll
    static void start() throws IOException {
        Map<String, String> env = TestDatabases.portalEnvironment(Files.createTempDirectory("portal-events-server"));
        env.put("PORTAL_ADMIN_EMAIL", TestPortal.ADMIN_EMAIL);
        env.put("PORTAL_ADMIN_PASSWORD", TestPortal.ADMIN_PASSWORD);
        server = PortalServer.start(PortalConfig.from(env, new Properties()));
        SignedInUser admin = server.services().users().authenticate(TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD)
                .orElseThrow();
        server.services().users().create(admin, new NewUser("trainer@example.org", "Trainer", Role.TRAINER,
                TestPortal.STAFF_PASSWORD));
        SignedInUser trainer = server.services().users().authenticate("trainer@example.org", TestPortal.STAFF_PASSWORD)
                .orElseThrow();
        LocalDate today = LocalDate.now(CHISINAU);
        held = save(trainer, "school-session", "held", "Sesiune " + WORD, today.minusDays(10), "Criuleni", 45);
        exhibition = save(trainer, "exhibition", "planned", "Expoziție; semne, riscuri", today.plusDays(10), "Ocnița", null);
        cancelled = save(trainer, "campaign", "cancelled", "Campanie anulată", today.plusDays(12), "Strășeni", null);
    }

    private static EventView save(SignedInUser trainer, String type, String status, String title, LocalDate day,
                                  String district, Integer participants) {
        EventSaveResult result = server.services().events().save(trainer, new EventDraft(null, 0, type, status, title,
                title.replace("Sesiune", "Занятие"), "Despre contracte.", "О договорах.", day.toString(), "10:00", "",
                "11:30", district, district, null, List.of(), null, participants, null, List.of()));
        return assertInstanceOf(EventSaveResult.Saved.class, result, String.valueOf(result)).event();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Calendar calendar(byte[] body) throws Exception {
        return new CalendarBuilder().build(new ByteArrayInputStream(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ro/evenimente.ics", "/ru/sobytiya.ics"})
    void theFeedOfEachLanguageListsEveryEventCancelledIncludedAndSetsNoCookie(String path) throws Exception {
        HttpResponse<byte[]> response = get(path);
        assertEquals(200, response.statusCode());
        assertEquals("text/calendar; charset=utf-8", response.headers().firstValue("Content-Type").orElse("").toLowerCase());
        assertTrue(response.headers().firstValue("Set-Cookie").isEmpty(), "no cookie");
        List<VEvent> events = calendar(response.body()).getComponents(Component.VEVENT);
        assertEquals(3, events.size());
        VEvent last = events.get(2);
        assertEquals(cancelled.key() + "@localhost", last.getRequiredProperty(Property.UID).getValue());
        assertEquals("CANCELLED", last.getRequiredProperty(Property.STATUS).getValue());
        String summary = events.get(0).getRequiredProperty(Property.SUMMARY).getValue();
        assertEquals(path.startsWith("/ro") ? "Sesiune " + WORD : "Занятие " + WORD, summary);
    }

    @Test
    void theFeedCanBeNarrowedToATypeAndAnUnknownTypeIsA400() throws Exception {
        List<VEvent> events = calendar(get("/ro/evenimente.ics?type=exhibition").body()).getComponents(Component.VEVENT);
        assertEquals(1, events.size());
        assertEquals("Expoziție; semne, riscuri", events.get(0).getRequiredProperty(Property.SUMMARY).getValue());
        HttpResponse<byte[]> bad = get("/ru/sobytiya.ics?type=party");
        assertEquals(400, bad.statusCode());
        assertTrue(new String(bad.body(), StandardCharsets.UTF_8).contains("Неизвестный тип"));
    }

    @Test
    void eachEventHasItsOwnCalendarFileAndItsPageStillComesFromWicket() throws Exception {
        HttpResponse<byte[]> file = get("/ru/sobytiya/" + held.key() + ".ics");
        assertEquals(200, file.statusCode());
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").contains(held.key() + ".ics"));
        List<VEvent> events = calendar(file.body()).getComponents(Component.VEVENT);
        assertEquals(1, events.size());
        assertEquals("http://localhost:" + server.port() + "/ru/sobytiya/" + held.key(),
                events.get(0).getRequiredProperty(Property.URL).getValue());
        assertEquals(404, get("/ro/evenimente/no-such-event.ics").statusCode());
        assertEquals(404, get("/ro/evenimente/%3Cx%3E.ics").statusCode());
        HttpResponse<byte[]> page = get("/ro/evenimente/" + held.key());
        assertEquals(200, page.statusCode());
        assertTrue(new String(page.body(), StandardCharsets.UTF_8).contains("Sesiune " + WORD));
        assertTrue(page.headers().firstValue("Set-Cookie").isEmpty(), "no cookie on the public page");
    }

    @Test
    void theApiListsEventsByRangeAndTypeInTheAskedLanguage() throws Exception {
        JsonNode all = json.readTree(get("/api/v1/events?lang=ru").body());
        assertEquals(3, all.get("items").size());
        JsonNode first = all.get("items").get(0);
        assertEquals(held.key(), first.get("key").asText());
        assertEquals("school-session", first.get("type").asText());
        assertEquals("Криулень", first.get("raion").asText());
        assertEquals("Занятие " + WORD, first.get("title").asText());
        assertEquals("held", first.get("status").asText());
        assertTrue(first.get("start").asText().matches("\\d{4}-\\d{2}-\\d{2}T10:00:00\\+0[23]:00"), first.toString());
        assertEquals("http://localhost:" + server.port() + "/ru/sobytiya/" + held.key(), first.get("url").asText());

        String today = LocalDate.now(CHISINAU).toString();
        JsonNode upcoming = json.readTree(get("/api/v1/events?lang=ro&from=" + today + "&type=exhibition").body());
        assertEquals(1, upcoming.get("items").size());
        assertEquals(exhibition.key(), upcoming.get("items").get(0).get("key").asText());
        JsonNode past = json.readTree(get("/api/v1/events?to=" + LocalDate.now(CHISINAU).minusDays(1)).body());
        assertEquals(1, past.get("items").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=2025-02-30", "to=31.12.2025", "type=party", "lang=de", "from=2025-03-10&to=2025-03-01"})
    void badApiParametersGetA400WithAReason(String query) throws Exception {
        HttpResponse<byte[]> response = get("/api/v1/events?" + query);
        assertEquals(400, response.statusCode());
        assertFalse(json.readTree(response.body()).get("error").asText().isEmpty());
    }

    @Test
    void theAnnualReportCountsTheHeldEventsFromTheRecords() throws Exception {
        int year = held.start().atZone(CHISINAU).getYear();
        JsonNode events = json.readTree(get("/api/v1/report/" + year).body()).get("events");
        assertEquals(1, events.get("byType").get("school-session").asInt(), events.toString());
        assertEquals(0, events.get("byType").get("exhibition").asInt(), "planned, not held");
        assertEquals(45, events.get("participants").asInt());
    }

    @Test
    void theSitemapListsEventsWithTheirAlternates() throws Exception {
        String sitemap = new String(get("/sitemap.xml").body(), StandardCharsets.UTF_8);
        String base = "http://localhost:" + server.port();
        assertTrue(sitemap.contains("<loc>" + base + "/ro/evenimente/" + held.key() + "</loc>"));
        assertTrue(sitemap.contains("hreflang=\"ru\" href=\"" + base + "/ru/sobytiya/" + held.key() + "\""));
        assertTrue(sitemap.contains("<loc>" + base + "/ru/sobytiya</loc>"));
    }

    @Test
    void eventsAreFoundBySearchWithinTwoSecondsOfBeingSaved() throws Exception {
        JsonNode hits = null;
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < deadline) {
            hits = json.readTree(get("/api/v1/search?lang=ro&type=event&q=" + URLEncoder.encode(WORD, StandardCharsets.UTF_8)).body());
            if (hits.get("total").asInt() > 0) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(1, hits.get("total").asInt(), hits.toString());
        assertEquals("event", hits.get("hits").get(0).get("type").asText());
        assertEquals("http://localhost:" + server.port() + "/ro/evenimente/" + held.key(),
                hits.get("hits").get(0).get("url").asText());
    }
}
