package md.migratiesigura.portal.web.account;

import md.migratiesigura.portal.web.common.ExactMountedMapper;
import org.apache.wicket.protocol.http.WebApplication;

/** Signing in (password, then the second factor), one's own account, and the administrators' user pages. */
public final class AccountRoutes {

    /** The one back-office page that may be reached from another site (AdminIsolationFilter). */
    public static final String LOGIN = "/admin/login";

    private AccountRoutes() {
    }

    public static void mount(WebApplication application) {
        application.mount(new ExactMountedMapper(LOGIN, LoginPage.class));
        application.mount(new ExactMountedMapper("/admin/users", UsersPage.class));
        application.mount(new ExactMountedMapper(LOGIN + "/code", LoginCodePage.class));
        application.mount(new ExactMountedMapper("/admin/account", AccountPage.class));
        application.mount(new ExactMountedMapper("/admin/users/${id}/password", UserPasswordPage.class));
    }
}
