package md.migratiesigura.portal.web.page;

import org.apache.wicket.model.IModel;
import org.apache.wicket.request.http.WebResponse;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** Shown when something failed on our side: a calm message in the reader's language, status 500, no details. */
public class ErrorPage extends BasePage {

    public ErrorPage() {
        this(new PageParameters());
    }

    public ErrorPage(PageParameters parameters) {
        super(parameters);
    }

    @Override
    protected void configureResponse(WebResponse response) {
        super.configureResponse(response);
        response.setStatus(500);
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
    protected IModel<String> pageTitle() {
        return () -> getString("error.title");
    }

    @Override
    protected PageParameters parametersInOtherLanguage() {
        return null;
    }
}
