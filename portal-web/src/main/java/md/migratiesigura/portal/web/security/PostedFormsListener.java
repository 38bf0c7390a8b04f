package md.migratiesigura.portal.web.security;

import jakarta.servlet.http.HttpServletRequest;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import org.apache.wicket.Component;
import org.apache.wicket.core.request.handler.ListenerRequestHandler;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.request.IRequestHandler;
import org.apache.wicket.request.component.IRequestableComponent;
import org.apache.wicket.request.cycle.IRequestCycleListener;
import org.apache.wicket.request.cycle.RequestCycle;
import org.apache.wicket.request.http.flow.AbortWithHttpErrorCodeException;

/**
 * Every change in the back office is a form sent by POST; Wicket would also run a form's submit when its listener
 * address is merely opened (a GET), for instance from a link in an article. Such a request is answered 405 before
 * the form reads anything, whatever the Fetch Metadata headers say.
 */
public class PostedFormsListener implements IRequestCycleListener {

    @Override
    public void onRequestHandlerResolved(RequestCycle cycle, IRequestHandler handler) {
        if (handler instanceof ListenerRequestHandler listener && listener.isPageInstanceCreated()
                && listener.getPage() instanceof AdminBasePage && isForm(listener.getComponent())
                && !"POST".equalsIgnoreCase(((HttpServletRequest) cycle.getRequest().getContainerRequest()).getMethod())) {
            throw new AbortWithHttpErrorCodeException(405);
        }
    }

    private static boolean isForm(IRequestableComponent target) {
        return target instanceof Form<?> || target instanceof Component component && component.findParent(Form.class) != null;
    }
}
