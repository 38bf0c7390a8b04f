package md.migratiesigura.portal.web.riskcheck;

import md.migratiesigura.portal.web.common.LocalizedPath;
import org.apache.wicket.protocol.http.WebApplication;

/** The job-offer check: its page and its two API resources. */
public final class RiskCheckRoutes {

    private static final LocalizedPath CHECK = new LocalizedPath("/ro/verifica-oferta", "/ru/proverka-vakansii");
    /** {@link RiskCheckQuestionsEndpoint}, below the API's path. */
    public static final String API_QUESTIONS = "v1/risk-check/questions";
    /** {@link RiskCheckEndpoint}, below the API's path. */
    public static final String API = "v1/risk-check";

    private RiskCheckRoutes() {
    }

    public static void mount(WebApplication application) {
        CHECK.mount(application, "", RiskCheckPage.class);
    }
}
