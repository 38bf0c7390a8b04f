package md.migratiesigura.portal.web.admin;

import java.util.List;
import md.migratiesigura.portal.web.common.ExactMountedMapper;
import org.apache.wicket.protocol.http.WebApplication;

/**
 * The back office's root: the dashboard and the access-denied page. Its pages are not language-prefixed (their
 * language is the user's choice, kept in the session); each feature mounts its own under {@link #PATH}.
 */
public final class AdminRoutes {

    /** The first segment of every back-office address. */
    public static final String SEGMENT = "admin";
    public static final String PATH = "/" + SEGMENT;

    private AdminRoutes() {
    }

    public static void mount(WebApplication application) {
        application.mount(new ExactMountedMapper(PATH + "/", DashboardPage.class));
        application.mount(new ExactMountedMapper(PATH + "/access-denied", AccessDeniedPage.class));
    }

    /** Every back-office address, for the filters that guard them. */
    public static String everything() {
        return PATH + "/*";
    }

    /** The back office's root with and without its slash, and all below it. */
    public static List<String> rootAndEverything() {
        return List.of(PATH, everything());
    }
}
