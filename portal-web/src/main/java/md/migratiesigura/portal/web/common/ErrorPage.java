package md.migratiesigura.portal.web.common;

import org.apache.wicket.model.IModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** Shown when something failed on our side: a calm message in the reader's language, status 500, no details. */
public class ErrorPage extends StatusPage {

    public ErrorPage() {
        this(new PageParameters());
    }

    public ErrorPage(PageParameters parameters) {
        super(parameters, 500);
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("error.title");
    }
}
