package md.migratiesigura.portal.web.agency;

import md.migratiesigura.portal.web.common.ExactMountedMapper;
import md.migratiesigura.portal.web.common.LocalizedPath;
import org.apache.wicket.protocol.http.WebApplication;

/** The registry of licensed agencies: the public lookup, the administrators' import, the API resource. */
public final class AgencyRoutes {

    private static final LocalizedPath AGENCIES = new LocalizedPath("/ro/agentii", "/ru/agentstva");
    /** {@link AgenciesEndpoint}, below the API's path. */
    public static final String API = "v1/agencies";

    private AgencyRoutes() {
    }

    public static void mount(WebApplication application) {
        AGENCIES.mount(application, "", AgenciesPage.class);
        application.mount(new ExactMountedMapper("/admin/agencies", AgencyImportPage.class));
    }
}
