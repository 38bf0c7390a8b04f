package md.migratiesigura.portal.web.security;

import java.util.List;
import java.util.Optional;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.account.LoginPage;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.admin.AdminRoutes;
import md.migratiesigura.portal.web.admin.DashboardPage;
import org.apache.wicket.RestartResponseException;
import org.apache.wicket.Session;
import org.apache.wicket.core.request.handler.IPageClassRequestHandler;
import org.apache.wicket.core.request.handler.PageProvider;
import org.apache.wicket.core.request.handler.RenderPageRequestHandler.RedirectPolicy;
import org.apache.wicket.core.request.handler.RenderPageRequestHandler;
import org.apache.wicket.protocol.http.PageExpiredException;
import org.apache.wicket.request.IRequestHandler;
import org.apache.wicket.request.cycle.IRequestCycleListener;
import org.apache.wicket.request.cycle.RequestCycle;
import org.apache.wicket.request.handler.resource.ResourceReferenceRequestHandler;
import org.apache.wicket.request.resource.PackageResourceReference;

/**
 * Ends a staff session that has outlived {@link StaffSession#ABSOLUTE_TIMEOUT}, whose account was disabled, or whose
 * sessions were ended (password changed or reset, an administrator's "end sessions": the account's session generation
 * in the database went up, which every node sees), before
 * any page of it is served; and sends a back-office page that expired with its session to the dashboard (and so to
 * the login) rather than to the public home page. Requests without a session are left alone: none is created here.
 */
public class StaffSessionListener implements IRequestCycleListener {

    @Override
    public void onRequestHandlerResolved(RequestCycle cycle, IRequestHandler handler) {
        // Pages and back-office resources (the preview); not the stylesheets and scripts a page loads.
        boolean staticResource = handler instanceof ResourceReferenceRequestHandler resource
                && resource.getResourceReference() instanceof PackageResourceReference;
        if (staticResource || !Session.exists()
                || !(Session.get() instanceof StaffSession session) || session.user().isEmpty()) {
            return;
        }
        PortalApplication app = PortalApplication.get();
        Optional<SignedInUser> current = session.hasOutlived(app.clock().instant())
                ? Optional.empty() : app.users().active(session.user().get().id(), session.generation());
        if (current.isPresent()) {
            session.refresh(current.get());
            return;
        }
        session.invalidateNow();
        if (handler instanceof IPageClassRequestHandler page && AdminBasePage.class.isAssignableFrom(page.getPageClass())) {
            throw new RestartResponseException(new PageProvider(LoginPage.class, LoginPage.sessionEnded()),
                    RedirectPolicy.ALWAYS_REDIRECT);
        }
    }

    @Override
    public IRequestHandler onException(RequestCycle cycle, Exception ex) {
        List<String> segments = cycle.getRequest().getUrl().getSegments();
        if (ex instanceof PageExpiredException && !segments.isEmpty() && AdminRoutes.SEGMENT.equals(segments.get(0))) {
            return new RenderPageRequestHandler(new PageProvider(DashboardPage.class), RedirectPolicy.ALWAYS_REDIRECT);
        }
        return null;
    }
}
