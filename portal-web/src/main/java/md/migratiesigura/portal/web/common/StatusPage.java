package md.migratiesigura.portal.web.common;

import org.apache.wicket.request.http.WebResponse;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * A public page that answers a request that went wrong (not found, failed) with its HTTP status, in the language of
 * the address asked for: never indexed, never versioned, with no counterpart in the other language.
 */
public abstract class StatusPage extends BasePage {

    private final int status;

    protected StatusPage(PageParameters parameters, int status) {
        super(parameters);
        this.status = status;
    }

    @Override
    protected void configureResponse(WebResponse response) {
        super.configureResponse(response);
        response.setStatus(status);
    }

    @Override
    public boolean isErrorPage() {
        return true;
    }

    @Override
    public boolean isVersioned() {
        return false;
    }

    @Override
    protected boolean isIndexable() {
        return false;
    }

    @Override
    protected PageParameters parametersInOtherLanguage() {
        return null;
    }
}
