package md.migratiesigura.portal.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No client address reaches the database or the log, and no search query, check answer or typed password reaches
 * the log. Traffic from known addresses (given by the trusted proxy's {@code X-Forwarded-For}) goes through every
 * kind of page, the API and the back office of a real server; the server is then stopped (so every counter is
 * written) and every text column of every table, and everything written to the console or java.util.logging
 * while it ran, is searched for them.
 */
class PrivacyTest {

    private static final List<String> ADDRESSES = List.of("203.0.113.77", "198.51.100.23", "2001:db8:cafe::17",
            "2001:db8:cafe:0:0:0:0:17");
    private static final String QUERY = "PrivacyProbeQuery";
    private static final String COUNTRY = "PrivacyProbeCountry";
    private static final String AGENCY = "PrivacyProbeAgency";
    private static final String PASSWORD = "PrivacyProbePassword";
    private static final String UNKNOWN_EMAIL = "privacy-probe-unknown@example.org";

    private static final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private static final List<String> julRecords = new ArrayList<>();
    private static PrintStream originalOut;
    private static PrintStream originalErr;
    private static Handler julHandler;
    private static LiveServer portal;

    @BeforeAll
    static void driveTrafficThenStop() throws Exception {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(new Tee(originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr), true, StandardCharsets.UTF_8));
        julHandler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (julRecords) {
                    julRecords.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters())
                            + " " + record.getThrown());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(julHandler);
        try {
            portal = LiveServer.start("portal-privacy");
            int i = 0;
            for (String address : ADDRESSES.subList(0, 3)) {
                browse(address, i++);
            }
        } finally {
            if (portal != null) {
                portal.close();
            }
            Logger.getLogger("").removeHandler(julHandler);
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private static void browse(String address, int round) {
        Map<String, String> reader = new LinkedHashMap<>(LiveServer.browserHeaders(null));
        reader.put("X-Forwarded-For", address);
        reader.put("Referer", "https://www.google.com/search?q=" + QUERY);
        for (String path : List.of("/ro/", "/ru/", "/ro/articole/cum-verifici-o-oferta-de-munca-in-strainatate",
                "/ro/cautare?q=" + QUERY + round, "/ru/poisk?q=" + QUERY, "/ro/agentii?q=" + AGENCY,
                "/ro/verifica-oferta?check=1&passport=asked_to_keep&agency=" + AGENCY + "&country=" + COUNTRY,
                "/ro/raport/2025", "/ro/nu-exista-" + QUERY, "/api/v1/search?q=" + QUERY + "&lang=ro",
                "/api/v1/agencies?q=" + AGENCY, "/sitemap.xml", "/ro/feed.atom", "/health")) {
            assertTrue(portal.get(path, reader).statusCode() < 500, path);
        }
        Map<String, String> json = new LinkedHashMap<>(reader);
        json.put("Content-Type", "application/json");
        HttpResponse<String> check = portal.send("POST", "/api/v1/risk-check", json, LiveServer.utf8(
                "{\"lang\":\"ro\",\"answers\":{\"passport\":\"asked_to_keep\"},\"agency\":\"" + AGENCY
                        + "\",\"country\":\"" + COUNTRY + "\"}"));
        assertEquals(200, check.statusCode(), check.body());

        // The back office: a wrong password, an unknown e-mail, then signing in and working.
        Map<String, String> staff = new LinkedHashMap<>(LiveServer.browserHeaders(null));
        staff.put("X-Forwarded-For", address);
        for (String[] attempt : new String[][] {{LiveServer.ADMIN_EMAIL, PASSWORD}, {UNKNOWN_EMAIL, PASSWORD}}) {
            HttpResponse<String> page = portal.get("/admin/login", staff);
            LiveServer.HtmlForm form = LiveServer.HtmlForm.first(page.body(), "admin-form").orElseThrow();
            form.set("email", attempt[0]).set("password", attempt[1]);
            assertTrue(portal.submit(portal.uri("/admin/login"), form, null, staff).body()
                    .contains("nu este corectă"));
        }
        String cookie = portal.signIn(LiveServer.ADMIN_EMAIL, LiveServer.ADMIN_PASSWORD);
        Map<String, String> signedIn = new LinkedHashMap<>(LiveServer.browserHeaders(cookie));
        signedIn.put("X-Forwarded-For", address);
        for (String path : List.of("/admin/", "/admin/users", "/admin/audit", "/admin/visits", "/admin/articles",
                "/admin/account", "/admin/articles?q=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8))) {
            assertTrue(portal.get(path, signedIn).statusCode() < 500, path);
        }
    }

    @AfterAll
    static void restoreStreams() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void noClientAddressIsStoredInAnyTextColumnOfAnyTable() throws Exception {
        assertFalse(portal.whereStored(List.of(LiveServer.ADMIN_EMAIL)).isEmpty(),
                "the scan finds what is there (the administrator's e-mail)");
        assertTrue(portal.count("select coalesce(sum(pageviews), 0) from visit_daily") > 0,
                "the traffic was counted, so it did reach the database");
        assertEquals(List.of(), portal.whereStored(ADDRESSES));
    }

    @Test
    void noQueryCheckAnswerOrTypedPasswordIsStored() throws Exception {
        assertEquals(List.of(), portal.whereStored(List.of(QUERY, COUNTRY, AGENCY, PASSWORD, UNKNOWN_EMAIL)));
    }

    @Test
    void theLogHoldsNoAddressQueryAnswerOrTypedText() {
        String written = log.toString(StandardCharsets.UTF_8) + String.join("\n", julRecords);
        assertTrue(written.contains("Portal ready"), "the server's log was captured");
        for (String secret : concat(ADDRESSES, List.of(QUERY, COUNTRY, AGENCY, PASSWORD, UNKNOWN_EMAIL))) {
            assertFalse(written.contains(secret), "the log contains " + secret);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Writes to the console as before and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;

        Tee(OutputStream console) {
            this.console = console;
        }

        @Override
        public void write(int b) {
            synchronized (log) {
                log.write(b);
            }
            try {
                console.write(b);
            } catch (java.io.IOException ignored) {
                // the copy is what the test reads
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (log) {
                log.write(b, off, len);
            }
            try {
                console.write(b, off, len);
            } catch (java.io.IOException ignored) {
                // the copy is what the test reads
            }
        }
    }
}
