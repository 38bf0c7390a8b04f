package md.migratiesigura.portal.web.security;

import org.apache.wicket.request.IRequestHandler;
import org.apache.wicket.request.cycle.IRequestCycleListener;
import org.apache.wicket.request.cycle.RequestCycle;
import org.apache.wicket.request.http.handler.ErrorCodeRequestHandler;
import org.eclipse.jetty.http.BadMessageException;

/**
 * A request the container cannot read (a form body that is not valid UTF-8 or not form encoding) is the client's
 * fault: it gets Jetty's 4xx, not Wicket's internal error page with a 500. Nothing of it is logged.
 */
public class BadRequestListener implements IRequestCycleListener {

    @Override
    public IRequestHandler onException(RequestCycle cycle, Exception ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadMessageException bad && bad.getCode() >= 400 && bad.getCode() < 500) {
                return new ErrorCodeRequestHandler(bad.getCode());
            }
        }
        return null;
    }
}
