package md.migratiesigura.portal.web.audit;

import md.migratiesigura.portal.web.common.ExactMountedMapper;
import org.apache.wicket.protocol.http.WebApplication;

/** The back office's audit log. */
public final class AuditRoutes {

    private AuditRoutes() {
    }

    public static void mount(WebApplication application) {
        application.mount(new ExactMountedMapper("/admin/audit", AuditPage.class));
    }
}
