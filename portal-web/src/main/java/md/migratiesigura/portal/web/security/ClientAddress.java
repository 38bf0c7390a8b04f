package md.migratiesigura.portal.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.wicket.request.Request;

/**
 * The address a request came from, for the login throttle. It is the connection's remote address; this is the one
 * place where {@code PORTAL_TRUSTED_PROXIES} will let {@code X-Forwarded-For} replace it. It is never stored.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(Request request) {
        String address = request.getContainerRequest() instanceof HttpServletRequest http ? http.getRemoteAddr() : null;
        return address == null || address.isBlank() ? "unknown" : address;
    }
}
