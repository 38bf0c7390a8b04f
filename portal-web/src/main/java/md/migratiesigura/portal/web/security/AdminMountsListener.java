package md.migratiesigura.portal.web.security;

import java.util.List;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.admin.AdminRoutes;
import org.apache.wicket.core.request.handler.IPageClassRequestHandler;
import org.apache.wicket.request.IRequestHandler;
import org.apache.wicket.request.cycle.IRequestCycleListener;
import org.apache.wicket.request.cycle.RequestCycle;
import org.apache.wicket.request.http.flow.AbortWithHttpErrorCodeException;

/**
 * Back-office pages answer at their {@code /admin/} addresses only, where {@link AdminIsolationFilter} and the
 * no-store filter guard them. Wicket would also reach a stored page instance through {@code /wicket/page?3} and a
 * page class through {@code /wicket/bookmarkable/<class>} (the latter is off: the application enforces mounts);
 * whatever address resolves to a back-office page outside {@code /admin/} gets 404 before anything of it runs.
 */
public class AdminMountsListener implements IRequestCycleListener {

    @Override
    public void onRequestHandlerResolved(RequestCycle cycle, IRequestHandler handler) {
        if (handler instanceof IPageClassRequestHandler page && AdminBasePage.class.isAssignableFrom(page.getPageClass())
                && !underAdmin(cycle.getRequest().getUrl().getSegments())) {
            throw new AbortWithHttpErrorCodeException(404);
        }
    }

    private static boolean underAdmin(List<String> segments) {
        return !segments.isEmpty() && AdminRoutes.SEGMENT.equals(segments.get(0));
    }
}
