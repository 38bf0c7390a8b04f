package md.migratiesigura.portal.web.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.nio.file.Files;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.article.EditableTranslation;
import md.migratiesigura.portal.article.SaveResult;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.web.PortalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Public pages served again from memory, over real HTTP: never stale after an edit, still counted, still strict. */
class PageCacheServerTest {

    private static final String READER = "Mozilla/5.0 (Linux; Android 13; SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/120.0.0.0 Mobile Safari/537.36";
    /** A script element that is neither loaded from a file nor a JSON-LD data block (which is never executed). */
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)(?![^>]*application/ld\\+json)[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLESHEET = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle=|\\son[a-z]+=", Pattern.CASE_INSENSITIVE);
    private static PortalServer server;
    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws IOException {
        server = PortalServer.start(TestDatabases.newConfig(Files.createTempDirectory("page-cache-test")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anEditShowsOnTheVeryNextRequestAndUnpublishingRemovesThePageAtOnce() throws Exception {
        String key = "verificare-oferta-munca";
        EditableTranslation before = server.services().editorial().load(key).orElseThrow().in(Language.RO);
        String path = "/ro/articole/" + before.slug();
        assertTrue(get(path).body().contains(escaped(before.title())));
        assertTrue(get(path).body().contains(escaped(before.title())), "served again, from the cache");

        String newTitle = "Verifică oferta de muncă înainte de plecare";
        var saved = server.services().editorial().publishNow(editor(), key, Language.RO, before.version(),
                before.toDraft().withTitle(newTitle));
        assertTrue(saved instanceof SaveResult.Saved, saved.toString());
        HttpResponse<String> after = get(path);
        assertEquals(200, after.statusCode());
        assertTrue(after.body().contains(newTitle), "the edit shows at once");

        EditableTranslation edited = server.services().editorial().load(key).orElseThrow().in(Language.RO);
        server.services().editorial().unpublish(editor(), key, Language.RO, edited.version(), edited.toDraft());
        assertEquals(404, get(path).statusCode(), "an unpublished article is gone at once");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ro/", "/ru/", "/ro/categorie/munca", "/ru/kategoriya/munca", "/ro/verifica-oferta",
            "/ru/proverka-vakansii", "/ro/raport/2025", "/ro/evenimente", "/ru/sobytiya",
            "/ro/articole/cum-verifici-o-oferta-de-munca-in-strainatate"})
    void cacheablePagesNeedNoNonceAndCarryNoInlineScriptAndOnlyTheStylesheetTheirPolicyHashes(String path)
            throws Exception {
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = get(path);
            assertEquals(200, response.statusCode());
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && csp.contains("style-src 'self'")
                    && csp.contains("object-src 'none'") && csp.contains("base-uri 'none'"), csp);
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval") || csp.contains("nonce-"), csp);
            assertFalse(INLINE_SCRIPT.matcher(response.body()).find(), "no inline script on " + path);
            // One inline stylesheet, the one the policy names by its hash; nothing else inline.
            Matcher style = STYLESHEET.matcher(response.body());
            assertTrue(style.find(), "the stylesheet is in the head of " + path);
            String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
            assertTrue(csp.matches(".*style-src [^;]*'sha256-" + Pattern.quote(hash) + "'.*"), csp);
            String rest = response.body().substring(0, style.start()) + response.body().substring(style.end());
            assertFalse(INLINE_STYLE.matcher(rest).find(), "no other inline style or handler on " + path);
            assertEquals(java.util.Optional.empty(), response.headers().firstValue("Set-Cookie"));
        }
    }

    @Test
    void anotherSpellingOfAPublicAddressIsSentToItWithoutRendering() throws Exception {
        String path = "/ro/articole/cum-verifici-o-oferta-de-munca-in-strainatate";
        for (String spelling : new String[] {"/ro/articole/%63um-verifici-o-oferta-de-munca-in-strainatat%65",
                "/ro/articole/cum%2dverifici-o-oferta-de-munca-in-strainatate"}) {
            HttpResponse<String> response = get(spelling);
            assertEquals(301, response.statusCode(), spelling);
            assertEquals(path, response.headers().firstValue("Location").orElse(""), spelling);
            assertEquals("", response.body());
        }
        assertEquals(200, get(path).statusCode());
    }

    @Test
    void aPageServedFromTheCacheIsCountedLikeAnyOther() throws Exception {
        get("/ru/");
        long before = settledPageviews(server);
        get("/ru/");
        get("/ru/");
        assertEquals(before + 2, settledPageviews(server));
    }

    /**
     * The pageviews of this month once counting has caught up: a page of known length is complete for the client
     * a moment before the filter that counts it returns. Also used by {@code CachedPageHandlerTest}.
     */
    static long settledPageviews(PortalServer server) throws InterruptedException {
        var stats = server.services().visitStatistics();
        long last = -1;
        for (int i = 0; i < 50; i++) {
            assertTrue(server.services().visitCounter().flush());
            long now = stats.month(stats.currentMonth()).pageviews();
            if (now == last) {
                return now;
            }
            last = now;
            Thread.sleep(100);
        }
        return last;
    }

    @Test
    void theCheckStaysUnkeptByBrowsersAndItsAnswersNeverReachTheCache() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertEquals("no-store", get("/ro/verifica-oferta").headers().firstValue("Cache-Control").orElse(""),
                    "the first screen, from the cache or not");
        }
        HttpResponse<String> answered = get("/ro/verifica-oferta?passport=asked_to_keep&check=1");
        assertEquals("no-store", answered.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(answered.headers().firstValue("Content-Security-Policy").orElse("").contains("'nonce-"),
                "a page with answers is rendered for its request, with its own nonce");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ro/", "/ru/stati/kak-proverit-predlozhenie-o-rabote-za-rubezhom", "/ro/evenimente"})
    void aBrowserThatAcceptsGzipGetsThePageGzippedAndTheSameBytesOnceUnpacked(String path) throws Exception {
        String plain = get(path).body();
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> packed = getBytes(path, "gzip, deflate, br");
            assertEquals(200, packed.statusCode());
            assertEquals("gzip", packed.headers().firstValue("Content-Encoding").orElse(""), path);
            assertTrue(packed.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")));
            String unpacked = new String(gunzip(packed.body()), StandardCharsets.UTF_8);
            assertEquals(plain, unpacked);
            assertTrue(packed.body().length * 2 < plain.getBytes(StandardCharsets.UTF_8).length,
                    packed.body().length + " bytes sent for " + plain.length() + " characters");
        }
        HttpResponse<byte[]> refused = getBytes(path, "gzip;q=0, identity");
        assertTrue(refused.headers().firstValue("Content-Encoding").isEmpty(), "gzip;q=0 is a no");
        assertEquals(plain, new String(refused.body(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ro/", "/ru/stati/kak-proverit-predlozhenie-o-rabote-za-rubezhom"})
    void aBrowserThatAcceptsZstandardGetsTheSmallerBytesAndTheSamePageOnceUnpacked(String path) throws Exception {
        String plain = get(path).body();
        int gzipped = getBytes(path, "gzip").body().length;
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> packed = getBytes(path, "gzip, deflate, br, zstd");
            assertEquals(200, packed.statusCode());
            assertEquals("zstd", packed.headers().firstValue("Content-Encoding").orElse(""), path);
            assertTrue(packed.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")));
            byte[] unpacked = com.github.luben.zstd.Zstd.decompress(packed.body(),
                    (int) com.github.luben.zstd.Zstd.getFrameContentSize(packed.body()));
            assertEquals(plain, new String(unpacked, StandardCharsets.UTF_8));
            assertTrue(packed.body().length < gzipped, packed.body().length + " bytes, gzip " + gzipped);
        }
        HttpResponse<byte[]> refused = getBytes(path, "gzip, zstd;q=0");
        assertEquals("gzip", refused.headers().firstValue("Content-Encoding").orElse(""), "zstd;q=0 is a no");
    }

    @Test
    void theStylesheetIsGzippedButPagesWithSecretsAreNot() throws Exception {
        // The public pages carry the stylesheet in their head; the back office links it.
        Matcher stylesheet = Pattern.compile("href=\"([^\"]*portal[^\"]*\\.css)\"").matcher(get("/admin/login").body());
        assertTrue(stylesheet.find());
        String css = stylesheet.group(1).replaceFirst("^(\\.\\.?/)*", "/");
        HttpResponse<byte[]> packed = getBytes(css, "gzip");
        assertEquals(200, packed.statusCode(), css);
        assertEquals("gzip", packed.headers().firstValue("Content-Encoding").orElse(""), css);
        assertTrue(new String(gunzip(packed.body()), StandardCharsets.UTF_8).contains("{"));

        // A consultation shows the ticket's phrase beside what was typed; the back office, its own secrets: the
        // length of a compressed page could betray them, so these are sent as they are.
        for (String path : new String[] {"/ro/consultatie", "/ru/konsultatsiya", "/admin/login"}) {
            HttpResponse<byte[]> plain = getBytes(path, "gzip");
            assertEquals(200, plain.statusCode(), path);
            assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), path);
        }
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private static HttpResponse<byte[]> getBytes(String path, String acceptEncoding) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("User-Agent", READER).header("Accept-Encoding", acceptEncoding).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static SignedInUser editor() {
        var admin = server.services().users().list().get(0);
        return new SignedInUser(admin.id(), admin.email(), admin.displayName(), admin.role());
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#039;");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("User-Agent", READER).build(), HttpResponse.BodyHandlers.ofString());
    }
}
