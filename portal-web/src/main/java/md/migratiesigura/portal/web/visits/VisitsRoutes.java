package md.migratiesigura.portal.web.visits;

import md.migratiesigura.portal.web.common.ExactMountedMapper;
import org.apache.wicket.protocol.http.WebApplication;

/** The staff's visit statistics; the counting itself ({@link VisitCountingFilter}) looks at every request. */
public final class VisitsRoutes {

    private VisitsRoutes() {
    }

    public static void mount(WebApplication application) {
        application.mount(new ExactMountedMapper("/admin/visits", VisitsPage.class));
    }
}
