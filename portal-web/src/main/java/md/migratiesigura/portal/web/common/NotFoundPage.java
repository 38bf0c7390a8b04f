package md.migratiesigura.portal.web.common;

import md.migratiesigura.portal.common.Language;
import org.apache.wicket.RestartResponseException;
import org.apache.wicket.core.request.handler.PageProvider;
import org.apache.wicket.core.request.handler.RenderPageRequestHandler;
import org.apache.wicket.model.IModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** The localized "page not found", with search and the hotline, answered with status 404 at the address asked for. */
public class NotFoundPage extends StatusPage {

    public NotFoundPage(PageParameters parameters) {
        super(parameters, 404);
    }

    /** Shows this page in place of the one requested (no redirect: the address stays, the status is 404). */
    public static RestartResponseException renderInstead(Language language) {
        return new RestartResponseException(new PageProvider(NotFoundPage.class, parametersIn(language)),
                RenderPageRequestHandler.RedirectPolicy.NEVER_REDIRECT);
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("notFound.title");
    }
}
