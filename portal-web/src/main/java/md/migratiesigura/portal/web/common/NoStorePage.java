package md.migratiesigura.portal.web.common;

import md.migratiesigura.portal.web.security.HashingBusy;
import org.apache.wicket.request.http.WebResponse;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * A public page that shows what a person typed (answers in its address, a question, a secret phrase): no browser,
 * proxy or back-forward cache may keep it. A form on it can answer a refusal with a 4xx status of its choosing.
 */
public abstract class NoStorePage extends BasePage {

    private int status = 200;

    protected NoStorePage(PageParameters parameters) {
        super(parameters);
    }

    /** The status this response is sent with (400 for a refused form, 429 for a limit…). */
    protected void respondWith(int httpStatus) {
        this.status = httpStatus;
    }

    @Override
    protected void configureResponse(WebResponse response) {
        super.configureResponse(response);
        response.setStatus(status);
        HashingBusy.applyTo(response);
    }

    @Override
    protected void setHeaders(WebResponse response) {
        super.setHeaders(response);
        response.setHeader("Cache-Control", "no-store");
    }
}
