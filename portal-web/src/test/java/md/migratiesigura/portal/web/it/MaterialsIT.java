package md.migratiesigura.portal.web.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The information materials in a real browser against the packaged jar: an editor uploads a 9 MB leaflet (over the
 * general request limit, under the materials' one) and a poster, a reader filters the library and downloads the
 * leaflet, byte for byte with its headers, and the month's count in the report moves; axe-core finds nothing on the
 * pages on the way, and the four leaflets made at start are there.
 */
class MaterialsIT extends BrowserJourney {

    private static final String ADMIN_EMAIL = "coordonator@example.org";
    private static final String ADMIN_PASSWORD = "o parola lunga pentru coordonare";
    private static final String EDITOR_EMAIL = "editoare@example.org";
    private static final String EDITOR_PASSWORD = "o parola lunga pentru editoare";
    private static final String TITLE = "Pliant pentru părinți: drumul sigur";
    private static final String AXE_RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
              .then(function (r) {
                done(r.violations.map(function (v) {
                  return v.id + ' (' + v.impact + '): ' + v.help + ' at '
                    + v.nodes.map(function (n) { return n.target.join(' ') + ' ' + n.html.substring(0, 100); }).join(', ');
                }));
              })
              .catch(function (e) { done(['axe failed: ' + e]); });
            """;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> violations = new ArrayList<>();

    MaterialsIT() {
        super(1280, 900);
    }

    @Override
    protected void configure(Map<String, String> env) {
        administrator(env, ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @Test
    void anEditorUploadsALeafletAndAReaderFiltersAndDownloadsItAndTheMonthsCountMoves() throws Exception {
        byte[] leaflet = largePdf(9 * 1024 * 1024);
        Path leafletFile = Files.createTempFile("pliant", ".pdf");
        Files.write(leafletFile, leaflet);
        createEditor();

        signIn(EDITOR_EMAIL, EDITOR_PASSWORD);
        browser.findElement(By.linkText("Materiale informative")).click();
        wait.until(ExpectedConditions.urlMatches(".*/admin/materials(\\?.*)?$"));
        audit();
        browser.findElement(By.linkText("Material nou")).click();
        wait.until(ExpectedConditions.urlMatches(".*/admin/materials/new.*"));
        audit();
        browser.findElement(By.name("titleRo")).sendKeys(TITLE);
        browser.findElement(By.name("titleRu")).sendKeys("Листовка для родителей: безопасный путь");
        browser.findElement(By.name("descriptionRo")).sendKeys("Ce să discutați înainte de plecare.");
        browser.findElement(By.name("descriptionRu")).sendKeys("О чём поговорить перед отъездом.");
        new Select(browser.findElement(By.name("topic"))).selectByVisibleText("Familie și persoane dispărute");
        new Select(browser.findElement(By.name("audience"))).selectByVisibleText("Părinți și rude");
        browser.findElement(By.name("fileRo")).sendKeys(leafletFile.toString());
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Salvat: " + TITLE));
        } catch (org.openqa.selenium.TimeoutException e) {
            Browsers.screenshot(browser, "admin-material-form-failed.png");
            throw new AssertionError("not saved; the page says: " + browser.findElement(By.tagName("main")).getText(), e);
        }
        Browsers.screenshot(browser, "admin-materials.png");
        browser.findElement(By.cssSelector(".admin-logout button")).click();
        wait.until(ExpectedConditions.urlMatches(".*/admin/login.*"));

        // The reader, without the editor's session.
        browser.manage().deleteAllCookies();
        int year = YearMonth.now(ZoneOffset.UTC).getYear();
        int month = YearMonth.now(ZoneOffset.UTC).getMonthValue();
        long before = downloadsThisMonth(year, month);
        browser.get(portal.baseUrl() + "/ro/");
        browser.findElement(By.linkText("Materiale")).click();
        wait.until(ExpectedConditions.urlMatches(".*/ro/materiale$"));
        audit();
        new Select(browser.findElement(By.name("topic"))).selectByVisibleText("Familie și persoane dispărute");
        new Select(browser.findElement(By.name("audience"))).selectByVisibleText("Părinți și rude");
        browser.findElement(By.cssSelector("form.event-filters button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/ro/materiale\\?topic=familie&audience=parents$"));
        String listing = browser.findElement(By.tagName("main")).getText().replaceAll("\\s+", " ");
        assertTrue(listing.contains(TITLE), listing);
        assertTrue(listing.contains("Descarcă în română (PDF, 9 MB)"), listing);
        assertTrue(!listing.contains("Cum verifici o ofertă de muncă"), "filtered out: another topic");
        audit();
        Browsers.screenshot(browser, "materials-ro.png");
        assertTrue(browser.manage().getCookies().isEmpty(), "the public pages set no cookie");
        String href = browser.findElement(By.partialLinkText("Descarcă în română")).getAttribute("href");
        String thumbnail = browser.findElement(By.cssSelector(".material-card img")).getAttribute("src");

        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(href)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\""));
        assertArrayEquals(leaflet, download.body());
        String etag = download.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(URI.create(href)).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(304, again.statusCode(), "the browser's copy is still good");
        HttpResponse<byte[]> image = http.send(HttpRequest.newBuilder(URI.create(thumbnail)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("image/jpeg", image.headers().firstValue("Content-Type").orElse(""));

        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl()
                + "/api/v1/materials?lang=ru")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode item = null;
        for (JsonNode candidate : new ObjectMapper().readTree(api.body()).path("items")) {
            if (href.contains("/" + candidate.path("key").asText() + "/")) {
                item = candidate;
            }
        }
        assertEquals("Листовка для родителей: безопасный путь", item.path("title").asText(), api.body());
        assertEquals(leaflet.length, item.path("files").get(0).path("bytes").asLong());
        assertEquals("application/pdf", item.path("files").get(0).path("type").asText());

        long deadline = System.nanoTime() + 20_000_000_000L;
        long after = downloadsThisMonth(year, month);
        while (after < before + 1 && System.nanoTime() < deadline) {
            Thread.sleep(300);
            after = downloadsThisMonth(year, month);
        }
        assertEquals(before + 1, after, "one full download counted; the 304 and the thumbnail are not");

        browser.get(portal.baseUrl() + "/ro/materiale");
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("Lista de verificare înainte de plecare"),
                "the leaflets made at start are listed");
        browser.get(portal.baseUrl() + "/ru/materialy");
        audit();
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("Скачать на русском"));
        if (!violations.isEmpty()) {
            fail("axe-core found WCAG 2.1 A/AA violations:\n" + String.join("\n", violations));
        }
    }

    private long downloadsThisMonth(int year, int month) throws Exception {
        HttpResponse<String> report = http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/api/v1/report/" + year))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, report.statusCode(), report.body());
        JsonNode materials = new ObjectMapper().readTree(report.body()).path("materials");
        return materials.path("byMonth").get(month - 1).asLong();
    }

    /** A real one-page PDF padded to about {@code size} bytes with a stream nothing draws. */
    private static byte[] largePdf(int size) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage(PDRectangle.A4));
            COSStream filler = document.getDocument().createCOSStream();
            byte[] random = new byte[size];
            new Random(23).nextBytes(random);
            try (OutputStream raw = filler.createRawOutputStream()) {
                raw.write(random);
            }
            document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("PortalTestFiller"), filler);
            document.save(out);
            return out.toByteArray();
        }
    }

    private void createEditor() {
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        browser.findElement(By.linkText("Utilizatori")).click();
        wait.until(ExpectedConditions.urlMatches(".*/admin/users.*"));
        browser.findElement(By.name("email")).sendKeys(EDITOR_EMAIL);
        browser.findElement(By.name("displayName")).sendKeys("Editoare Test");
        new Select(browser.findElement(By.name("role"))).selectByVisibleText("Editor");
        browser.findElement(By.name("password")).sendKeys(EDITOR_PASSWORD);
        browser.findElement(By.xpath("//input[@name='displayName']/ancestor::form//button[@type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".admin-table"), "Editoare Test"));
        browser.findElement(By.cssSelector(".admin-logout button")).click();
        wait.until(ExpectedConditions.urlMatches(".*/admin/login.*"));
    }

    private void audit() throws IOException {
        try (InputStream in = MaterialsIT.class.getResourceAsStream("/a11y/axe.min.js")) {
            browser.executeScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) browser.executeAsyncScript(AXE_RUN);
        String where = browser.getCurrentUrl().replace(portal.baseUrl(), "");
        found.forEach(v -> violations.add(where + ": " + v));
    }
}
