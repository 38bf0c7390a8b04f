package md.migratiesigura.portal.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import md.migratiesigura.portal.account.NewUser;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.web.PortalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every input in {@code hostile-inputs.txt} thrown at every surface in {@link #SURFACES} (URL parameters, path
 * segments, public forms, JSON API bodies, back-office forms) of a real server over HTTP; then uploads that lie
 * about what they are, and 10 MB bodies. Expected everywhere: a status under 500, no stack trace, the input never
 * reflected as markup (no event-handler attribute, no {@code javascript:}/{@code vbscript:}/{@code data:} link, the
 * input itself never verbatim in HTML when it holds {@code <} or {@code "}), and nothing half-saved (no control or
 * bidi-override character stored anywhere, no account or image created by a refused form).
 *
 * <p>A new surface is one line in {@link #SURFACES} (or {@link #UPLOADS}, {@link #OVERSIZED}).
 */
class HostileInputTest {

    private static final String ARTICLE = "verificare-oferta-munca";
    private static final String EDITOR_PASSWORD = "editor passphrase for hostile tests";

    /** Where hostile input goes: one line each. */
    static final List<Surface> SURFACES = List.of(
            Surface.query("search page", Staff.NONE, "/ro/cautare?q="),
            Surface.query("search page (ru)", Staff.NONE, "/ru/poisk?q="),
            Surface.query("search category", Staff.NONE, "/ro/cautare?q=munca&category="),
            Surface.query("search paging", Staff.NONE, "/ro/cautare?q=munca&page="),
            Surface.path("article slug", Staff.NONE, "/ro/articole/"),
            Surface.path("article slug (ru)", Staff.NONE, "/ru/stati/"),
            Surface.path("category", Staff.NONE, "/ro/categorie/"),
            Surface.path("tag", Staff.NONE, "/ro/eticheta/"),
            Surface.path("report year", Staff.NONE, "/ro/raport/"),
            Surface.path("report download", Staff.NONE, "/ro/raport/2025/"),
            Surface.path("unknown page", Staff.NONE, "/ro/"),
            Surface.query("job-offer check answer", Staff.NONE, "/ro/verifica-oferta?check=1&passport="),
            Surface.query("job-offer check agency", Staff.NONE, "/ro/verifica-oferta?check=1&agency="),
            Surface.query("job-offer check country", Staff.NONE, "/ru/proverka-vakansii?check=1&country="),
            Surface.query("job-offer check step", Staff.NONE, "/ro/verifica-oferta?step="),
            Surface.query("agencies", Staff.NONE, "/ro/agentii?q="),
            Surface.query("events type", Staff.NONE, "/ro/evenimente?type="),
            Surface.query("events district", Staff.NONE, "/ru/sobytiya?district="),
            Surface.query("events month", Staff.NONE, "/ro/evenimente?month="),
            Surface.path("event key", Staff.NONE, "/ro/evenimente/"),
            Surface.query("events calendar type", Staff.NONE, "/ro/evenimente.ics?type="),
            Surface.query("API events", Staff.NONE, "/api/v1/events?lang=ro&from="),
            Surface.form("consultation form", Staff.NONE, "/ro/consultatie", "consultation-form", null),
            Surface.form("consultation answer form", Staff.NONE, "/ru/konsultatsiya/otvet", "consultation-form", null),
            Surface.query("consultation danger link", Staff.NONE, "/ro/consultatie?sos="),
            Surface.query("consultation inbox view", Staff.ADMIN, "/admin/consultations?view="),
            Surface.path("consultation case", Staff.ADMIN, "/admin/consultations/"),
            Surface.query("feed", Staff.NONE, "/ro/feed.atom?page="),
            Surface.path("media", Staff.NONE, "/media/"),
            Surface.path("Wicket resource", Staff.NONE, "/wicket/resource/"),
            Surface.raw("raw request line", "/ro/articole/"),
            Surface.query("API search", Staff.NONE, "/api/v1/search?lang=ro&q="),
            Surface.query("API search language", Staff.NONE, "/api/v1/search?q=munca&lang="),
            Surface.query("API search type", Staff.NONE, "/api/v1/search?q=munca&type="),
            Surface.query("API search page", Staff.NONE, "/api/v1/search?q=munca&page="),
            Surface.query("API articles category", Staff.NONE, "/api/v1/articles?lang=ro&category="),
            Surface.query("API articles size", Staff.NONE, "/api/v1/articles?lang=ro&size="),
            Surface.query("API questions language", Staff.NONE, "/api/v1/risk-check/questions?lang="),
            Surface.query("API agencies", Staff.NONE, "/api/v1/agencies?q="),
            Surface.path("API report", Staff.NONE, "/api/v1/report/"),
            Surface.path("API unknown resource", Staff.NONE, "/api/v1/"),
            Surface.json("API check agency", "/api/v1/risk-check", "{\"lang\":\"ro\",\"answers\":{},\"agency\":\"%s\"}"),
            Surface.json("API check country", "/api/v1/risk-check", "{\"lang\":\"ro\",\"answers\":{},\"country\":\"%s\"}"),
            Surface.json("API check answer", "/api/v1/risk-check", "{\"lang\":\"ro\",\"answers\":{\"passport\":\"%s\"}}"),
            Surface.json("API check question id", "/api/v1/risk-check", "{\"lang\":\"ro\",\"answers\":{\"%s\":\"x\"}}"),
            Surface.json("API check language", "/api/v1/risk-check", "{\"lang\":\"%s\",\"answers\":{}}"),
            Surface.rawJson("API check whole body", "/api/v1/risk-check"),
            Surface.form("login form", Staff.NONE, "/admin/login", "admin-form", null),
            Surface.query("editorial list search", Staff.EDITOR, "/admin/articles?q="),
            Surface.form("new article form", Staff.EDITOR, "/admin/articles/new", "editor-form", null),
            Surface.path("editor article key", Staff.EDITOR, "/admin/articles/"),
            Surface.form("article editor", Staff.EDITOR, "/admin/articles/" + ARTICLE, "editor-form", "save"),
            Surface.preview("editor preview", "/admin/preview"),
            Surface.query("revisions", Staff.EDITOR, "/admin/articles/" + ARTICLE + "/revisions?lang="),
            Surface.form("new account form", Staff.ADMIN, "/admin/users", "admin-form", null),
            Surface.form("password change form", Staff.EDITOR, "/admin/account", "admin-form", null),
            Surface.path("report figures year", Staff.ADMIN, "/admin/report/"));

    /** Files that lie about what they are, uploaded as an article's cover: each must be refused, nothing stored. */
    static final List<Upload> UPLOADS = List.of(
            new Upload("HTML named .jpg", "cover.jpg", "image/jpeg",
                    "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
            new Upload("SVG with a script", "cover.svg", "image/svg+xml",
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(1)</script></svg>"),
            new Upload("SVG named .png", "cover.png", "image/png",
                    "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
            new Upload("JPEG header then HTML", "cover.jpg", "image/jpeg",
                    "\u00FF\u00D8\u00FF\u00E0<html><script>alert(1)</script></html>"),
            new Upload("../ in the file name", "../../../../tmp/x.jpg", "image/jpeg", "not an image"));

    /** Where a 10 MB body is sent: Jetty refuses it before anything reads it. */
    /** Forms whose every send hashes a password or a phrase (Argon2), within the server's few hashing slots. */
    static final Set<String> HASHING_FORMS = Set.of("login form", "password change form", "new account form",
            "consultation form", "consultation answer form");

    static final List<String> OVERSIZED = List.of("/api/v1/risk-check", "/admin/login", "/admin/preview",
            "/ro/cautare", "/admin/articles/" + ARTICLE);

    /** A tag with an on… attribute; quoted attribute values are skipped, so escaped text inside them is no match. */
    private static final Pattern EVENT_HANDLER = Pattern.compile(
            "<[a-zA-Z][\\w:-]*(?:\\s+[\\w:.-]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?)*?\\s+on[a-zA-Z]+\\s*=");
    private static final Pattern SCRIPT_URL = Pattern.compile(
            "(?i)\\s(?:href|src|action|formaction|data|xlink:href)\\s*=\\s*[\"']?\\s*(?:javascript|vbscript|data):");
    private static final Pattern STACK_TRACE = Pattern.compile(
            "(?:\\bat [a-z][\\w$]*(?:\\.[\\w$]+)+\\([\\w$]+\\.java:\\d+\\))|Caused by: |[a-z]\\.[A-Za-z]*Exception\\b");

    private static LiveServer portal;
    private static List<byte[]> corpus;
    private static final Map<Staff, String> cookies = new LinkedHashMap<>();
    private static final Map<Integer, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
    private static final AtomicInteger requests = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        corpus = Corpus.read(HostileInputTest.class.getResourceAsStream("hostile-inputs.txt"));
        portal = LiveServer.start("portal-hostile");
        var users = portal.server().services().users();
        SignedInUser admin = users.authenticate(LiveServer.ADMIN_EMAIL, LiveServer.ADMIN_PASSWORD).orElseThrow();
        users.create(admin, new NewUser("editor@example.org", "Editor", Role.EDITOR, EDITOR_PASSWORD));
        // Signed in before the login form is attacked from the same address (which the throttle then slows).
        cookies.put(Staff.ADMIN, portal.signIn(LiveServer.ADMIN_EMAIL, LiveServer.ADMIN_PASSWORD));
        cookies.put(Staff.EDITOR, portal.signIn("editor@example.org", EDITOR_PASSWORD));
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void everySurfaceHoldsAgainstEveryHostileInput() throws Exception {
        long users = portal.count("select count(*) from users");
        long started = System.nanoTime();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> slowest = new TreeMap<>();
        for (Surface surface : SURFACES) {
            long surfaceStarted = System.nanoTime();
            // A form that checks a password or a phrase takes one of the few hashing slots, and a burst past them
            // is refused with 503 before its input is read (AccountSecurityPagesTest, ConsultationPagesTest): its
            // inputs go one at a time, so that each is answered on its content.
            (HASHING_FORMS.contains(surface.name()) ? corpus.stream() : corpus.parallelStream()).forEach(payload -> {
                try {
                    Answer answer = surface.attack().send(new Run(portal, cookies.get(surface.staff())), payload);
                    inspect(surface.name(), payload, answer).ifPresent(failures::add);
                } catch (RuntimeException e) {
                    failures.add(surface.name() + " <- " + show(payload) + ": " + e);
                }
            });
            slowest.put(surface.name(), (System.nanoTime() - surfaceStarted) / 1_000_000L);
        }
        System.out.println("Milliseconds per surface: " + slowest);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.printf("Hostile inputs: %d inputs x %d surfaces, %d requests in %d s; statuses %s%n",
                corpus.size(), SURFACES.size(), requests.get(), seconds, statuses);
        failures.stream().sorted().forEach(f -> System.out.println("HOSTILE FAILURE " + f));
        assertEquals(List.of(), failures.stream().limit(40).toList(), failures.size() + " failures");
        assertEquals(List.of(), portal.whereStored(List.of("\u0000", "\u202E", "\u2066")),
                "no control or bidi-override character is stored anywhere: nothing was half-saved");
        assertEquals(users, portal.count("select count(*) from users"), "no account was created by a hostile form");
    }

    @Test
    void uploadsThatLieAboutWhatTheyAreAreRefusedAndNothingIsStored() throws Exception {
        long images = portal.count("select count(*) from media_images");
        Run run = new Run(portal, cookies.get(Staff.EDITOR));
        for (Upload upload : UPLOADS) {
            URI page = portal.uri("/admin/articles/" + ARTICLE);
            HttpResponse<String> editor = run.fetch(page);
            LiveServer.HtmlForm form = LiveServer.HtmlForm.first(editor.body(), "editor-form").orElseThrow();
            Answer answer = run.follow(editor.uri(), portal.send("POST", editor.uri().resolve(form.action()).toString(),
                    run.headers(Map.of("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)),
                    Multipart.encode(form, form.buttonEndingWith("save"), form.fileField(), upload)));
            assertTrue(answer.status() < 500, upload.name() + " -> " + answer.status());
            assertTrue(answer.body().contains("JPEG, PNG") || answer.body().contains("imagin"),
                    upload.name() + ": the editor says why the file was refused");
            inspect("cover upload", LiveServer.utf8(upload.content()), answer).ifPresent(f -> {
                throw new AssertionError(f);
            });
        }
        assertEquals(images, portal.count("select count(*) from media_images"), "no image was stored");
        System.out.printf("Hostile uploads: %d files, all refused%n", UPLOADS.size());
    }

    @Test
    void tenMegabyteBodiesAreRefusedBeforeAnythingReadsThem() {
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(tenMegabytes, (byte) 'a');
        for (String path : OVERSIZED) {
            LiveServer.RawAnswer answer = portal.raw(LiveServer.utf8(path), "POST",
                    Map.of("Content-Type", "application/x-www-form-urlencoded", "Sec-Fetch-Site", "same-origin",
                            "Cookie", cookies.get(Staff.EDITOR)), tenMegabytes, 0);
            assertEquals(413, answer.status(), path);
            assertTrue(tenMegabytes.length > PortalServer.MAX_REQUEST_BYTES);
        }
        System.out.printf("Oversized bodies: %d surfaces, all 413%n", OVERSIZED.size());
    }

    /** What is wrong with an answer, if anything. */
    private static java.util.Optional<String> inspect(String surface, byte[] payload, Answer answer) {
        statuses.merge(answer.status(), 1, Integer::sum);
        String where = surface + " <- " + show(payload) + " -> " + answer.status() + ": ";
        if (answer.status() >= 500 || answer.status() < 100) {
            return java.util.Optional.of(where + "server error or no answer");
        }
        if (STACK_TRACE.matcher(answer.body()).find()) {
            return java.util.Optional.of(where + "a stack trace");
        }
        String type = answer.contentType();
        if (type.contains("html") || type.contains("xml")) {
            String body = answer.body();
            if (EVENT_HANDLER.matcher(body).find()) {
                return java.util.Optional.of(where + "an event-handler attribute in the markup");
            }
            if (SCRIPT_URL.matcher(body).find()) {
                return java.util.Optional.of(where + "a script URL in the markup");
            }
            String text = new String(payload, StandardCharsets.UTF_8);
            if ((text.contains("<") || text.contains("\"")) && text.length() > 3 && body.contains(text)) {
                return java.util.Optional.of(where + "the input reflected verbatim");
            }
        }
        return java.util.Optional.empty();
    }

    private static String show(byte[] payload) {
        StringBuilder out = new StringBuilder();
        for (byte b : payload) {
            int c = b & 0xff;
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02X", c));
        }
        return out.length() > 60 ? out.substring(0, 60) + "…" : out.toString();
    }

    /** Who the attack is made as. */
    enum Staff {
        NONE, EDITOR, ADMIN
    }

    record Answer(int status, String contentType, String body) {
    }

    @FunctionalInterface
    interface Attack {
        Answer send(Run run, byte[] payload);
    }

    /** A place hostile input goes, as whom, and how it is sent. */
    record Surface(String name, Staff staff, Attack attack) {

        /** Appended, percent-encoded byte by byte, to a URL ending in {@code =}. */
        static Surface query(String name, Staff staff, String prefix) {
            return new Surface(name, staff, (run, p) -> run.get(prefix + LiveServer.percentEncode(p)));
        }

        /** As a path segment (a {@code /} in it is encoded too). */
        static Surface path(String name, Staff staff, String prefix) {
            return query(name, staff, prefix);
        }

        /** Raw bytes in the request line, as no browser would send them. */
        static Surface raw(String name, String prefix) {
            return new Surface(name, Staff.NONE, (run, p) -> {
                ByteArrayOutputStream target = new ByteArrayOutputStream();
                target.writeBytes(LiveServer.utf8(prefix));
                target.writeBytes(p);
                LiveServer.RawAnswer answer = run.portal.raw(target.toByteArray(), "GET", Map.of(), null, 0);
                requests.incrementAndGet();
                int bodyAt = answer.text().indexOf("\r\n\r\n");
                String head = bodyAt < 0 ? answer.text() : answer.text().substring(0, bodyAt);
                String type = head.toLowerCase(java.util.Locale.ROOT).contains("content-type: text/html") ? "text/html" : "";
                return new Answer(answer.status(), type, bodyAt < 0 ? "" : answer.text().substring(bodyAt + 4));
            });
        }

        /** Inside a JSON string of a body (quotes, backslashes and controls escaped; broken bytes left broken). */
        static Surface json(String name, String path, String template) {
            return new Surface(name, Staff.NONE, (run, p) -> {
                String[] parts = template.split("%s", -1);
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                body.writeBytes(LiveServer.utf8(parts[0]));
                body.writeBytes(Corpus.jsonEscaped(p));
                body.writeBytes(LiveServer.utf8(parts[1]));
                return run.post(path, "application/json", body.toByteArray());
            });
        }

        /** The whole JSON body is the input. */
        static Surface rawJson(String name, String path) {
            return new Surface(name, Staff.NONE, (run, p) -> run.post(path, "application/json", p));
        }

        /** The editor's live preview: the input as the Markdown body. */
        static Surface preview(String name, String path) {
            return new Surface(name, Staff.EDITOR, (run, p) -> run.post(path, "application/x-www-form-urlencoded",
                    LiveServer.utf8("body=" + LiveServer.percentEncode(p))));
        }

        /**
         * An HTML form as its page shows it, every text field filled with the input (selects and hidden fields
         * keep what the page gave them), posted with the named button.
         */
        static Surface form(String name, Staff staff, String page, String formMarker, String button) {
            return new Surface(name, staff, (run, p) -> {
                HttpResponse<String> shown = run.fetch(run.portal.uri(page));
                LiveServer.HtmlForm form = LiveServer.HtmlForm.first(shown.body(), formMarker)
                        .orElseThrow(() -> new AssertionError(page + " has no form " + formMarker));
                for (String field : form.textFields()) {
                    form.set(field, p);
                }
                String pressed = button == null ? null : form.buttonEndingWith(button);
                HttpResponse<String> answer = form.multipart()
                        ? run.portal.send("POST", shown.uri().resolve(form.action()).toString(), run.headers(Map.of(
                                "Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)),
                                Multipart.encode(form, pressed, null, null))
                        : run.portal.submit(shown.uri(), form, pressed, run.headers(Map.of()));
                requests.addAndGet(2);
                return run.follow(shown.uri(), answer);
            });
        }
    }

    /** One attacker's requests: as a browser on this site, with a staff session when the surface needs one. */
    static final class Run {
        final LiveServer portal;
        final String cookie;

        Run(LiveServer portal, String cookie) {
            this.portal = portal;
            this.cookie = cookie;
        }

        Map<String, String> headers(Map<String, String> extra) {
            Map<String, String> headers = LiveServer.browserHeaders(cookie);
            headers.putAll(extra);
            return headers;
        }

        Answer get(String path) {
            requests.incrementAndGet();
            HttpResponse<String> response = portal.get(path, headers(Map.of()));
            return answer(response);
        }

        Answer post(String path, String contentType, byte[] body) {
            requests.incrementAndGet();
            return answer(portal.send("POST", path, headers(Map.of("Content-Type", contentType)), body));
        }

        /** GET, following the redirects Wicket makes to a page's versioned address. */
        HttpResponse<String> fetch(URI uri) {
            HttpResponse<String> response = portal.get(uri.toString(), headers(Map.of()));
            for (int i = 0; i < 3 && response.statusCode() / 100 == 3; i++) {
                URI next = uri.resolve(response.headers().firstValue("Location").orElseThrow());
                response = portal.get(next.toString(), headers(Map.of()));
                uri = next;
            }
            return response;
        }

        /** The answer to a form, after the redirect that usually follows a POST. */
        Answer follow(URI from, HttpResponse<String> response) {
            if (response.statusCode() / 100 == 3) {
                return answer(fetch(from.resolve(response.headers().firstValue("Location").orElseThrow())));
            }
            return answer(response);
        }

        private static Answer answer(HttpResponse<String> response) {
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        }
    }

    record Upload(String name, String fileName, String contentType, String content) {
    }

    /** A multipart/form-data body of a form's fields and, optionally, one file. */
    static final class Multipart {
        static final String BOUNDARY = "----hostile-input-boundary-7MA4YWxkTrZu0gW";

        static byte[] encode(LiveServer.HtmlForm form, String button, String fileField, Upload upload) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Map<String, byte[]> fields = new LinkedHashMap<>(form.fields());
            if (button != null) {
                fields.put(button, new byte[0]);
            }
            fields.forEach((name, value) -> {
                out.writeBytes(LiveServer.utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name
                        + "\"\r\n\r\n"));
                out.writeBytes(value);
                out.writeBytes(LiveServer.utf8("\r\n"));
            });
            if (fileField != null && upload != null) {
                out.writeBytes(LiveServer.utf8("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fileField
                        + "\"; filename=\"" + upload.fileName() + "\"\r\nContent-Type: " + upload.contentType()
                        + "\r\n\r\n"));
                out.writeBytes(upload.content().getBytes(StandardCharsets.ISO_8859_1));
                out.writeBytes(LiveServer.utf8("\r\n"));
            }
            out.writeBytes(LiveServer.utf8("--" + BOUNDARY + "--\r\n"));
            return out.toByteArray();
        }
    }

    /** Reads the corpus file and its escapes into the bytes that are sent. */
    static final class Corpus {

        static List<byte[]> read(InputStream in) throws IOException {
            List<byte[]> payloads = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    payloads.add(unescape(line));
                }
            }
            return payloads;
        }

        static byte[] unescape(String line) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    char kind = line.charAt(i + 1);
                    if (kind == '\\') {
                        out.write('\\');
                        i++;
                        continue;
                    }
                    if (kind == 'x') {
                        out.write(Integer.parseInt(line.substring(i + 2, i + 4), 16));
                        i += 3;
                        continue;
                    }
                    if (kind == 'u') {
                        int code = Integer.parseInt(line.substring(i + 2, i + 6), 16);
                        if (Character.isSurrogate((char) code)) {
                            // A lone surrogate as the three bytes a careless encoder writes (not valid UTF-8).
                            out.write(0xE0 | (code >> 12));
                            out.write(0x80 | ((code >> 6) & 0x3F));
                            out.write(0x80 | (code & 0x3F));
                        } else {
                            out.writeBytes(String.valueOf((char) code).getBytes(StandardCharsets.UTF_8));
                        }
                        i += 5;
                        continue;
                    }
                }
                if (Character.isHighSurrogate(c) && i + 1 < line.length()) {
                    out.writeBytes(line.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                    i++;
                    continue;
                }
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
            return out.toByteArray();
        }

        /** Escapes what JSON requires inside a string; other bytes (broken UTF-8 included) go as they are. */
        static byte[] jsonEscaped(byte[] payload) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte b : payload) {
                int c = b & 0xff;
                if (c == '"' || c == '\\') {
                    out.write('\\');
                    out.write(c);
                } else if (c < 0x20) {
                    out.writeBytes(LiveServer.utf8(String.format("\\u%04x", c)));
                } else {
                    out.write(c);
                }
            }
            return out.toByteArray();
        }
    }
}
