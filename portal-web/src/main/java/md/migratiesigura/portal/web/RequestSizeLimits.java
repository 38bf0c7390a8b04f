package md.migratiesigura.portal.web;

import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Request bodies capped by Jetty itself, before any parsing: {@link PortalServer#MAX_REQUEST_BYTES} everywhere, and
 * a larger cap below the few back-office paths whose forms upload large files (the information materials: two
 * files of 20 MB). Each cap is a {@link SizeLimitHandler} in front of the same next handler.
 */
final class RequestSizeLimits extends Handler.Wrapper {

    private final SizeLimitHandler standard;
    private final SizeLimitHandler uploads;
    private final List<String> uploadPrefixes;

    RequestSizeLimits(Handler next, long standardLimit, long uploadLimit, List<String> uploadPrefixes) {
        super(next);
        this.standard = new SizeLimitHandler(standardLimit, -1);
        this.uploads = new SizeLimitHandler(uploadLimit, -1);
        this.uploadPrefixes = List.copyOf(uploadPrefixes);
        standard.setHandler(new Forward());
        uploads.setHandler(new Forward());
        addBean(standard);
        addBean(uploads);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        boolean upload = uploadPrefixes.stream().anyMatch(path::startsWith);
        return (upload ? uploads : standard).handle(request, response, callback);
    }

    /** Passes the request, as the size limit wrapped it, to the handler this one wraps. */
    private final class Forward extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            return getHandler().handle(request, response, callback);
        }
    }
}
