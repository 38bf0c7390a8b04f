package md.migratiesigura.portal.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import md.migratiesigura.portal.PortalServices;
import md.migratiesigura.portal.account.Totp;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.web.TestPortal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Server sessions, counted by Jetty as it creates them: nobody gets one before typing a right password, however they
 * knock at the back office, and when as many are alive as the server allows, signing in is refused with 503 and a
 * message while the public site goes on as before. The portal here allows {@link #LIMIT} sessions.
 */
class StaffSessionsTest {

    private static final int LIMIT = 3;
    /** How often each anonymous request is sent: enough to see any session it leaves, bounded for the loopback. */
    private static final int ROUNDS = 15;

    private static LiveServer portal;

    @BeforeAll
    static void start() {
        portal = LiveServer.start("portal-staff-sessions", LIMIT);
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void anonymousRequestsToEveryBackOfficeEntryLeaveNoSession() {
        StaffSessions sessions = portal.server().staffSessions();
        long createdBefore = sessions.created();
        int liveBefore = sessions.live();
        Map<String, String> browser = LiveServer.browserHeaders(null);
        Set<String> failures = new TreeSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (String path : List.of("/admin/login", "/admin/login?-1.-languageSwitch", "/admin/login?lang=ru",
                    "/admin/login?lang=ro&-1.-languageSwitch", "/admin/login/code", "/admin/", "/admin/users",
                    "/admin/consultations/1", "/admin/users?3-1.-users-0-toggle-form",
                    "/admin/consultations/1?2-1.-actions-replyForm", "/admin/nothing-here", "/wicket/page?3",
                    "/wicket/bookmarkable/md.migratiesigura.portal.web.account.UsersPage")) {
                check(failures, path, portal.get(path, browser));
            }
            check(failures, "wrong password", postLogin("", "nobody@example.org", "wrong " + round, browser));
            check(failures, "wrong password in Russian",
                    postLogin("?lang=ru", LiveServer.ADMIN_EMAIL, "wrong " + round, browser));
            Map<String, String> elsewhere = new LinkedHashMap<>(browser);
            elsewhere.put("Sec-Fetch-Site", "cross-site");
            check(failures, "login from another site", postLogin("", "nobody@example.org", "x", elsewhere));
            Map<String, String> noFetchMetadata = Map.of("Origin", "https://elsewhere.example");
            check(failures, "login refused by the resource isolation",
                    postLogin("", "nobody@example.org", "x", noFetchMetadata));
        }
        assertEquals(Set.of(), failures);
        assertEquals(createdBefore, sessions.created(), "no session was created");
        assertEquals(liveBefore, sessions.live());
    }

    @Test
    void theLanguageSwitchWorksWithoutASession() {
        Map<String, String> browser = LiveServer.browserHeaders(null);
        HttpResponse<String> romanian = portal.get("/admin/login", browser);
        assertTrue(romanian.body().contains("<html lang=\"ro\">"));
        assertTrue(romanian.body().contains("href=\"./login?lang=ru\""), "the switch is a plain link to Russian");

        HttpResponse<String> russian = portal.get("/admin/login?lang=ru", browser);
        assertEquals(200, russian.statusCode());
        assertTrue(russian.body().contains("<html lang=\"ru\">"));
        assertTrue(russian.body().contains("Вход в администрирование портала"));
        assertTrue(russian.body().contains("href=\"./login?lang=ro\""), "and back to Romanian");
        LiveServer.HtmlForm form = LiveServer.HtmlForm.first(russian.body(), "admin-form").orElseThrow();
        assertTrue(form.action().contains("lang=ru"), "the form keeps the language: " + form.action());

        HttpResponse<String> refused = postLogin("?lang=ru", LiveServer.ADMIN_EMAIL, "not the password", browser);
        assertTrue(refused.body().contains("Неверный адрес электронной почты или пароль."), "refused in Russian");
        HttpResponse<String> refusedRo = postLogin("", LiveServer.ADMIN_EMAIL, "not the password", browser);
        assertTrue(refusedRo.body().contains("Adresa de e-mail sau parola nu este corectă."), "and in Romanian");
        for (HttpResponse<String> response : List.of(romanian, russian, refused, refusedRo)) {
            assertEquals(List.of(), response.headers().allValues("Set-Cookie"));
        }

        // Signing in from the Russian page keeps Russian in the session that now begins.
        HttpResponse<String> signedIn = postLogin("?lang=ru", LiveServer.ADMIN_EMAIL, LiveServer.ADMIN_PASSWORD, browser);
        String cookie = sessionCookie(signedIn);
        try {
            HttpResponse<String> dashboard = portal.get("/admin/", LiveServer.browserHeaders(cookie));
            assertTrue(dashboard.body().contains("<html lang=\"ru\">"), "the session keeps the language");
        } finally {
            signOut(cookie);
        }
    }

    @Test
    void whenTheSessionsAreAllTakenSigningInIsRefusedAndThePublicSiteAnswers() {
        Map<String, String> browser = LiveServer.browserHeaders(null);
        List<String> cookies = new ArrayList<>();
        try {
            while (portal.server().staffSessions().live() < LIMIT) {
                cookies.add(sessionCookie(postLogin("", LiveServer.ADMIN_EMAIL, LiveServer.ADMIN_PASSWORD, browser)));
            }
            HttpResponse<String> refused = postLogin("", LiveServer.ADMIN_EMAIL, LiveServer.ADMIN_PASSWORD, browser);
            assertEquals(503, refused.statusCode());
            assertTrue(refused.body().contains("Administrarea are acum prea multe sesiuni deschise."), refused.body());
            assertEquals(List.of(), refused.headers().allValues("Set-Cookie"));
            assertFalse(refused.body().contains("admin-logout"), "not signed in");
            HttpResponse<String> refusedRu = postLogin("?lang=ru", LiveServer.ADMIN_EMAIL, LiveServer.ADMIN_PASSWORD,
                    browser);
            assertEquals(503, refusedRu.statusCode());
            assertTrue(refusedRu.body().contains("Сейчас открыто слишком много сеансов администрирования."));
            assertEquals(LIMIT, portal.server().staffSessions().live());

            assertEquals(200, portal.get("/ro/", Map.of()).statusCode(), "the public site answers");
            assertEquals(200, portal.get("/ru/", Map.of()).statusCode());
            assertEquals(200, portal.get("/admin/login", browser).statusCode(), "and so does the login page");
            for (String cookie : cookies) {
                assertEquals(200, portal.get("/admin/", LiveServer.browserHeaders(cookie)).statusCode(),
                        "the staff already signed in work on");
            }

            signOut(cookies.remove(0));
            cookies.add(sessionCookie(postLogin("", LiveServer.ADMIN_EMAIL, LiveServer.ADMIN_PASSWORD, browser)));
        } finally {
            cookies.forEach(StaffSessionsTest::signOut);
        }
    }

    @Test
    void theCodeStepWhenAllSessionsAreTakenKeepsTheSessionsPlaceUnderANewId() {
        PortalServices core = portal.server().services();
        String editor = TestPortal.newStaff(core, Role.EDITOR);
        SignedInUser actor = core.users().authenticate(editor, TestPortal.STAFF_PASSWORD).orElseThrow();
        byte[] secret = Totp.newSecret();
        core.secondFactor().enableSecondFactor(actor, secret, Totp.code(secret, Totp.step(Instant.now())));
        Map<String, String> browser = LiveServer.browserHeaders(null);
        List<String> cookies = new ArrayList<>();
        try {
            // The password is right: the session is made, and waits for the code.
            String waiting = sessionCookie(postLogin("", editor, TestPortal.STAFF_PASSWORD, browser));
            cookies.add(waiting);
            while (portal.server().staffSessions().live() < LIMIT) {
                cookies.add(sessionCookie(postLogin("", LiveServer.ADMIN_EMAIL, LiveServer.ADMIN_PASSWORD, browser)));
            }
            long createdBefore = portal.server().staffSessions().created();
            Map<String, String> withWaiting = LiveServer.browserHeaders(waiting);
            HttpResponse<String> page = portal.get("/admin/login/code", withWaiting);
            LiveServer.HtmlForm form = LiveServer.HtmlForm.first(page.body(), "admin-form").orElseThrow(
                    () -> new AssertionError("no code form: " + page.statusCode()));
            form.set("code", Totp.code(secret, Totp.step(Instant.now()) + 1));
            HttpResponse<String> signedIn = portal.submit(portal.uri("/admin/login/code"), form, null, withWaiting);

            assertTrue(signedIn.statusCode() < 400, "signed in: " + signedIn.statusCode());
            String renewed = sessionCookie(signedIn);
            cookies.set(0, renewed);
            assertFalse(renewed.equals(waiting), "the session has a new id");
            assertEquals(createdBefore, portal.server().staffSessions().created(),
                    "no session was given up and made anew, so no other request could take its place meanwhile");
            assertEquals(LIMIT, portal.server().staffSessions().live());
            assertTrue(portal.follow("/admin/", LiveServer.browserHeaders(renewed)).body().contains("admin-logout"),
                    "the new id is signed in");
        } finally {
            cookies.forEach(StaffSessionsTest::signOut);
        }
    }

    private static void check(Set<String> failures, String what, HttpResponse<String> response) {
        if (response.statusCode() >= 500) {
            failures.add(what + " answered " + response.statusCode());
        }
        if (!response.headers().allValues("Set-Cookie").isEmpty()) {
            failures.add(what + " set a cookie");
        }
    }

    /** Opens the login page at {@code query} and posts its form. */
    private static HttpResponse<String> postLogin(String query, String email, String password,
                                                  Map<String, String> headers) {
        HttpResponse<String> page = portal.get("/admin/login" + query, LiveServer.browserHeaders(null));
        LiveServer.HtmlForm form = LiveServer.HtmlForm.first(page.body(), "admin-form").orElseThrow();
        form.set("email", email).set("password", password);
        return portal.submit(portal.uri("/admin/login" + query), form, null, headers);
    }

    private static String sessionCookie(HttpResponse<String> signedIn) {
        String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.contains("PORTAL_SESSION="))
                .findFirst().orElseThrow(() -> new AssertionError("not signed in: " + signedIn.statusCode()));
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private static void signOut(String cookie) {
        Map<String, String> headers = LiveServer.browserHeaders(cookie);
        HttpResponse<String> dashboard = portal.get("/admin/", headers);
        LiveServer.HtmlForm logout = LiveServer.HtmlForm.first(dashboard.body(), "admin-logout").orElseThrow(
                () -> new AssertionError("no logout form: " + dashboard.statusCode()));
        portal.submit(portal.uri("/admin/"), logout, null, headers);
    }
}
