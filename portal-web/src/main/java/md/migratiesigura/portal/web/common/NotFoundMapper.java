package md.migratiesigura.portal.web.common;

import org.apache.wicket.core.request.handler.PageProvider;
import org.apache.wicket.core.request.handler.RenderPageRequestHandler;
import org.apache.wicket.request.IRequestHandler;
import org.apache.wicket.request.IRequestMapper;
import org.apache.wicket.request.Request;
import org.apache.wicket.request.Url;

/**
 * The last resort: any URL no other mapper took gets the localized not-found page, rendered in place with status
 * 404 (never a redirect, so the address the reader typed stays in the bar).
 */
public class NotFoundMapper implements IRequestMapper {

    @Override
    public IRequestHandler mapRequest(Request request) {
        return new RenderPageRequestHandler(new PageProvider(NotFoundPage.class),
                RenderPageRequestHandler.RedirectPolicy.NEVER_REDIRECT);
    }

    @Override
    public int getCompatibilityScore(Request request) {
        return Integer.MIN_VALUE;
    }

    @Override
    public Url mapHandler(IRequestHandler requestHandler) {
        return null;
    }
}
