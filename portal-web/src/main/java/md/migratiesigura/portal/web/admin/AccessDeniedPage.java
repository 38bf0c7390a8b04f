package md.migratiesigura.portal.web.admin;

import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.model.IModel;
import org.apache.wicket.request.http.WebResponse;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** Shown with status 403, at the address asked for, when the signed-in role may not open a back-office page. */
public class AccessDeniedPage extends AdminBasePage {

    public AccessDeniedPage(PageParameters parameters) {
        super(parameters);
        add(new BookmarkablePageLink<Void>("back", DashboardPage.class));
    }

    @Override
    protected void configureResponse(WebResponse response) {
        super.configureResponse(response);
        response.setStatus(403);
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
    protected IModel<String> pageTitle() {
        return () -> getString("admin.denied.title");
    }
}
