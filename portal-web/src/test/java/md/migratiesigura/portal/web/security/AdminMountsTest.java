package md.migratiesigura.portal.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.account.UserSummary;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.web.TestPortal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Back-office pages answer at their {@code /admin/} addresses only, where requests started by other sites are
 * refused: not by class name under {@code /wicket/bookmarkable/}, not by page number under {@code /wicket/page},
 * whoever asks; and what another site (even a sibling subdomain) sends there is refused too.
 */
class AdminMountsTest {

    private static final String USERS_PAGE = "/wicket/bookmarkable/md.migratiesigura.portal.web.account.UsersPage";

    private static LiveServer portal;
    private static Map<String, String> admin;

    @BeforeAll
    static void start() {
        portal = LiveServer.start("portal-admin-mounts");
        admin = LiveServer.browserHeaders(portal.signIn(LiveServer.ADMIN_EMAIL, LiveServer.ADMIN_PASSWORD));
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void aBackOfficePageOrListenerReachedOutsideItsMountIsNotFoundAndTheMountedFormStillWorks() {
        String counsellor = TestPortal.newStaff(portal.server().services(), Role.COUNSELLOR);
        HttpResponse<String> users = portal.follow("/admin/users", admin);
        assertEquals(200, users.statusCode());
        LiveServer.HtmlForm toggle = LiveServer.HtmlForm.first(users.body(), "-users-" + row(counsellor) + "-toggle")
                .orElseThrow(() -> new AssertionError("no form to disable the counsellor"));
        String listener = toggle.action().substring(toggle.action().indexOf('?') + 1);
        String pageId = listener.substring(0, listener.indexOf('-'));

        assertEquals(404, portal.get(USERS_PAGE, admin).statusCode(), "no page by class name");
        assertEquals(404, portal.get("/wicket/bookmarkable/md.migratiesigura.portal.web.admin.DashboardPage", admin)
                .statusCode());
        assertEquals(404, portal.get("/wicket/page?" + pageId, admin).statusCode(), "no stored page by number");
        HttpResponse<String> sideways = portal.submit(portal.uri("/wicket/page?" + listener), toggle, null, admin);
        assertEquals(404, sideways.statusCode(), "no listener by page number");
        assertTrue(enabled(counsellor), "nothing changed");

        HttpResponse<String> mounted = portal.submit(users.uri(), toggle, null, admin);
        assertEquals(302, mounted.statusCode());
        assertFalse(enabled(counsellor), "the form at the page's own address disables the account");
    }

    @Test
    void aBackOfficeFormOpenedByAGetChangesNothing() {
        String counsellor = TestPortal.newStaff(portal.server().services(), Role.COUNSELLOR);
        HttpResponse<String> users = portal.follow("/admin/users", admin);
        LiveServer.HtmlForm toggle = LiveServer.HtmlForm.first(users.body(), "-users-" + row(counsellor) + "-toggle")
                .orElseThrow(() -> new AssertionError("no form to disable the counsellor"));
        URI listener = users.uri().resolve(toggle.action());
        // A link to the form's address, in an article or a message, opened by a signed-in administrator.
        assertEquals(405, portal.get(listener.getRawPath() + "?" + listener.getRawQuery(), admin).statusCode());
        assertTrue(enabled(counsellor), "nothing changed");
    }

    @Test
    void aSiblingSiteIsRefusedAtWicketsPagePathsAsAtTheBackOffice() {
        Map<String, String> sibling = new LinkedHashMap<>(admin);
        sibling.put("Sec-Fetch-Site", "same-site");
        for (String path : List.of(USERS_PAGE, "/wicket/page?1", "/wicket/page?1-1.-users-0-toggle",
                "/wicket/page/x?1", "/admin/users", "/admin/login?-1.-form")) {
            assertEquals(403, portal.get(path, sibling).statusCode(), path);
            assertEquals(403, portal.send("POST", path, sibling, new byte[0]).statusCode(), path);
        }
    }


    private static int row(String email) {
        List<UserSummary> users = portal.server().services().users().list();
        for (int i = 0; i < users.size(); i++) {
            if (users.get(i).email().equals(email)) {
                return i;
            }
        }
        throw new AssertionError(email + " is not listed");
    }

    private static boolean enabled(String email) {
        return portal.server().services().users().list().stream().filter(u -> u.email().equals(email))
                .findFirst().orElseThrow().enabled();
    }
}
