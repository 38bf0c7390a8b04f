package md.migratiesigura.portal.web.register;

import md.migratiesigura.portal.web.admin.AdminRoutes;
import md.migratiesigura.portal.web.common.ExactMountedMapper;
import org.apache.wicket.protocol.http.WebApplication;

/** The hotline register's back-office pages. */
public final class RegisterRoutes {

    public static final String REGISTER = AdminRoutes.PATH + "/register";
    public static final String IMPORT = REGISTER + "/import";

    private RegisterRoutes() {
    }

    public static void mount(WebApplication application) {
        application.mount(new ExactMountedMapper(REGISTER, RegisterPage.class));
        application.mount(new ExactMountedMapper(IMPORT, RegisterImportPage.class));
    }
}
