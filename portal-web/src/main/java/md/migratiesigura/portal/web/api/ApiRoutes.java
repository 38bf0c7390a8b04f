package md.migratiesigura.portal.web.api;

/**
 * The JSON API and the health check, served by plain servlets. Each feature's routes name its own resource below
 * {@link #PATH} ({@code v1/articles}).
 */
public final class ApiRoutes {

    public static final String PATH = "/api";
    public static final String HEALTH = "/health";

    private ApiRoutes() {
    }

    /** What {@link ApiServlet} is mapped to. */
    public static String everything() {
        return PATH + "/*";
    }
}
