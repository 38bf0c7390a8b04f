package md.migratiesigura.portal.web.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.event.EventDraft;
import md.migratiesigura.portal.event.EventSaveResult;
import md.migratiesigura.portal.web.PortalServer;
import md.migratiesigura.portal.web.TestPortal;
import md.migratiesigura.portal.web.event.EventRoutes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A page answered by the cache's fast path ({@link CachedPageHandler}) is the very answer the servlet stack gives:
 * same status line, same headers in the same order (but the date), same bytes, in every coding, and it is counted
 * once. The servlet stack's answer is the same request with a cookie that is not a session's: such a request never
 * takes the fast path, and the page cache filter still replays the kept page to it.
 */
class CachedPageHandlerTest {

    private static final String READER = "Mozilla/5.0 (Linux; Android 13; SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/120.0.0.0 Mobile Safari/537.36";
    private static final String NOT_A_SESSION = "Cookie: seen-banner=1\r\n";
    private static PortalServer server;
    private static String event;

    @BeforeAll
    static void start() throws IOException {
        Map<String, String> env = TestDatabases.portalEnvironment(Files.createTempDirectory("cached-page-test"));
        env.put("PORTAL_ADMIN_EMAIL", TestPortal.ADMIN_EMAIL);
        env.put("PORTAL_ADMIN_PASSWORD", TestPortal.ADMIN_PASSWORD);
        server = PortalServer.start(PortalConfig.from(env, new Properties()));
        // One event, for its page.
        SignedInUser trainer = server.services().users().authenticate(
                TestPortal.newStaff(server.services(), Role.TRAINER), TestPortal.STAFF_PASSWORD).orElseThrow();
        String day = LocalDate.now(ZoneId.of("Europe/Chisinau")).plusDays(10).toString();
        event = assertInstanceOf(EventSaveResult.Saved.class, server.services().events().save(trainer, new EventDraft(null,
                0, "exhibition", "planned", "Expoziție", "Выставка", "Despre contracte.", "О договорах.", day, "10:00", "",
                "11:30", "Ocnița", "Ocnița", null, List.of(), null, null, null, List.of()))).event().key();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ro/", "/ru/", "/ro/articole/cum-verifici-o-oferta-de-munca-in-strainatate",
            "/ro/categorie/munca", "/ru/kategoriya/munca", "/ro/evenimente", "/ru/sobytiya", "/ro/verifica-oferta",
            "/ru/proverka-vakansii", "/ro/raport/2025", "/ro/despre", "/ru/o-nas"})
    void aPageFromTheFastPathIsByteForByteThePageTheServletStackSends(String path) throws IOException {
        assertSameAnswers(path);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void anEventPageFromTheFastPathIsTheSameToo(Language language) throws IOException {
        assertSameAnswers(EventRoutes.event(language, event));
    }

    private static void assertSameAnswers(String path) throws IOException {
        for (String accepted : new String[] {"", "Accept-Encoding: gzip\r\n", "Accept-Encoding: gzip, deflate, br, zstd\r\n",
                "Accept-Encoding: br\r\n", "Accept-Encoding: gzip;q=0, identity\r\n"}) {
            Answer stack = null;
            Answer fast = null;
            // The stack's answer must be a replay from the cache too: while the content version still moves after
            // the start (the index, the leaflets), a page may be rendered again in between. A few tries settle it.
            for (int attempt = 0; attempt < 5 && (stack == null || !stack.equals(fast)); attempt++) {
                exchange(get(path, NOT_A_SESSION, accepted));
                stack = exchange(get(path, NOT_A_SESSION, accepted));
                fast = exchange(get(path, "", accepted));
            }
            assertTrue(stack.head().startsWith("HTTP/1.1 200 "), path + ": " + stack.head());
            assertEquals(stack.head(), fast.head(), path + " with " + accepted);
            assertArrayEquals(stack.body(), fast.body(), path + " with " + accepted);
        }
    }

    @Test
    void aPageFromTheFastPathIsCountedOnceLikeAnyOther() throws Exception {
        String path = "/ro/articole/cum-verifici-o-oferta-de-munca-in-strainatate";
        exchange(get(path, "", ""));
        long before = PageCacheServerTest.settledPageviews(server);
        for (int i = 0; i < 3; i++) {
            assertTrue(exchange(get(path, "", "")).head().startsWith("HTTP/1.1 200 "));
        }
        assertEquals(before + 3, PageCacheServerTest.settledPageviews(server), "three pages from the fast path");
        exchange(get(path, NOT_A_SESSION, ""));
        assertEquals(before + 4, PageCacheServerTest.settledPageviews(server), "and one through the servlet stack");
        exchange(get(path, "", "").replace("User-Agent:", "Sec-Purpose: prefetch\r\nUser-Agent:"));
        assertEquals(before + 4, PageCacheServerTest.settledPageviews(server),
                "a prefetch is no pageview, from the fast path either");
    }

    @Test
    void anotherSpellingAQueryOrAHeadStillTakeTheServletStack() throws IOException {
        String path = "/ro/articole/cum-verifici-o-oferta-de-munca-in-strainatate";
        exchange(get(path, "", ""));
        Answer moved = exchange(get("/ro/articole/%63um-verifici-o-oferta-de-munca-in-strainatate", "", ""));
        assertTrue(moved.head().startsWith("HTTP/1.1 301 "), moved.head());
        assertTrue(moved.head().contains("\r\nLocation: " + path + "\r\n"), moved.head());
        Answer withQuery = exchange(get(path + "?x=1", "", ""));
        assertTrue(withQuery.head().contains("'nonce-"), "rendered for its request: " + withQuery.head());
        Answer head = exchange(get(path, "", "").replaceFirst("^GET", "HEAD"));
        assertTrue(head.head().startsWith("HTTP/1.1 200 ") && head.body().length == 0, head.head());
    }

    private static String get(String path, String cookie, String accepted) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\nUser-Agent: " + READER + "\r\n"
                + cookie + accepted + "Connection: close\r\n\r\n";
    }

    /** The status line and headers without the date (which may differ by a second), and the body's bytes. */
    private record Answer(String head, byte[] body) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Answer answer && head.equals(answer.head) && Arrays.equals(body, answer.body);
        }

        @Override
        public int hashCode() {
            return head.hashCode() * 31 + Arrays.hashCode(body);
        }
    }

    private static Answer exchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(all);
            byte[] bytes = all.toByteArray();
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            List<String> lines = Arrays.stream(text.substring(0, end).split("\r\n"))
                    .filter(line -> !line.regionMatches(true, 0, "Date:", 0, 5)).toList();
            return new Answer(lines.stream().collect(Collectors.joining("\r\n", "", "\r\n")),
                    Arrays.copyOfRange(bytes, end + 4, bytes.length));
        }
    }
}
