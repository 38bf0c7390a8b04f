package md.migratiesigura.portal.web.api;

/**
 * A request the API refuses: the status (4xx, or 503 when the portal is too busy to answer now) and a reason the
 * caller can act on, sent as {@code {"error": …}}.
 */
public class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException badRequest(String reason) {
        return new ApiException(400, reason);
    }
}
