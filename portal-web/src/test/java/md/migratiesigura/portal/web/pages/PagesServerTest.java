package md.migratiesigura.portal.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.navigation.NavigationItem;
import md.migratiesigura.portal.navigation.NavigationPlace;
import md.migratiesigura.portal.navigation.NavigationTarget;
import md.migratiesigura.portal.web.PortalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pages and the navigation over real HTTP: the API, the sitemap, search, and the page cache after a navigation edit. */
class PagesServerTest {

    private static final String READER = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/120.0.0.0 Mobile Safari/537.36";
    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static PortalServer server;

    @BeforeAll
    static void start() throws IOException {
        server = PortalServer.start(TestDatabases.newConfig(Files.createTempDirectory("pages-server-test")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theApiListsThePagesWithTheirPlaceInTheNavigation() throws Exception {
        HttpResponse<String> response = get("/api/v1/pages?lang=ru");
        assertEquals(200, response.statusCode());
        JsonNode items = new ObjectMapper().readTree(response.body()).get("items");
        JsonNode contacts = null;
        for (JsonNode item : items) {
            if (item.get("key").asText().equals("contacte")) {
                contacts = item;
            }
        }
        assertTrue(contacts != null, response.body());
        assertEquals("ru", contacts.get("lang").asText());
        assertEquals("Контакты", contacts.get("title").asText());
        assertEquals("http://localhost:" + server.port() + "/ru/kontakty", contacts.get("url").asText());
        assertEquals("main", contacts.get("menu").asText());
        assertTrue(contacts.get("order").asInt() > 0);
        assertEquals(400, get("/api/v1/pages?lang=de").statusCode(), "an unknown language is refused");
    }

    @Test
    void theSitemapListsEachPageWithItsTranslation() throws Exception {
        String sitemap = get("/sitemap.xml").body();
        String base = "http://localhost:" + server.port();
        assertTrue(sitemap.contains("<loc>" + base + "/ro/despre</loc>"), sitemap);
        assertTrue(sitemap.contains("<loc>" + base + "/ru/o-nas</loc>"));
        assertTrue(sitemap.contains("hreflang=\"ru\" href=\"" + base + "/ru/o-nas\""));
    }

    @Test
    void searchFindsAPageAndLeadsToItsAddress() throws Exception {
        JsonNode hits = null;
        for (int i = 0; i < 50 && (hits == null || hits.isEmpty()); i++) {
            hits = new ObjectMapper().readTree(get("/api/v1/search?lang=ro&type=page&q=cookie").body()).get("hits");
            if (hits == null || hits.isEmpty()) {
                Thread.sleep(200);
            }
        }
        assertTrue(hits != null && !hits.isEmpty(), "the bundled pages are indexed");
        assertEquals("page", hits.get(0).get("type").asText());
        assertEquals("http://localhost:" + server.port() + "/ro/confidentialitate", hits.get(0).get("url").asText());
    }

    @Test
    void aPageShowsItsSourcesAndWhenItWasChecked() throws Exception {
        String ro = get("/ro/contacte").body();
        assertTrue(ro.contains(">Surse</h2>"), "the sources heading");
        assertTrue(ro.contains("Linia Fierbinte pentru migrație sigură și antitrafic: factsheet anual"), "the source");
        assertTrue(ro.contains("Verificat la 6 decembrie 2026"), "when it was checked");
        String ru = get("/ru/kontakty").body();
        assertTrue(ru.contains(">Источники</h2>"), "the sources heading in Russian");
        assertTrue(ru.contains("Проверено 6 декабря 2026"), "when it was checked, in Russian");
    }

    @Test
    void aPageIsServedAgainFromTheCacheButANavigationEditShowsAtOnce() throws Exception {
        // The second answer must be the cache's replay of the first. While the content version still moves after the
        // start (the search index's first passes, as in CachedPageHandlerTest), a page may be rendered again in
        // between, with a new nonce: a few tries settle it, and a page that is never replayed still fails.
        String first = get("/ro/despre").body();
        String again = get("/ro/despre").body();
        for (int attempt = 0; attempt < 5 && !again.equals(first); attempt++) {
            first = again;
            again = get("/ro/despre").body();
        }
        assertEquals(first, again, "the same page, from the cache");
        assertFalse(mainMenu(first).contains("<a href=\"/ro/agentii\">"), "not in the menu yet");

        SignedInUser admin = admin();
        List<NavigationItem> items = new ArrayList<>(server.services().navigation().entries(Language.RO));
        items.add(new NavigationItem(NavigationPlace.MAIN, NavigationTarget.FIXED, "agencies", null));
        assertEquals(List.of(), server.services().navigation().save(admin, Language.RO, items));
        String after = get("/ro/despre").body();
        assertTrue(mainMenu(after).contains("<a href=\"/ro/agentii\">Agenții licențiate</a>"),
                "the new menu entry shows on the very next request");
    }

    /** The header's menu of a page's HTML. */
    private static String mainMenu(String html) {
        int start = html.indexOf("<nav class=\"main-nav\"");
        assertTrue(start > 0, "the page has the main menu");
        return html.substring(start, html.indexOf("</nav>", start));
    }

    private static SignedInUser admin() {
        var user = server.services().users().list().get(0);
        return new SignedInUser(user.id(), user.email(), user.displayName(), user.role());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("User-Agent", READER).build(), HttpResponse.BodyHandlers.ofString());
    }
}
