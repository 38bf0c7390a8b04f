package md.migratiesigura.portal.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import md.migratiesigura.portal.config.IpRange;
import md.migratiesigura.portal.web.PortalApplication;
import org.apache.wicket.request.Request;

/**
 * The address a request came from, for the login throttle and the visit counter's hash. It is the connection's
 * remote address, unless that is one of {@code PORTAL_TRUSTED_PROXIES}: then {@code X-Forwarded-For} is read from
 * the right, skipping trusted proxies, and the first other address is the client's (what a client writes at the
 * left end itself is never believed). It is never stored.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(Request request) {
        if (!(request.getContainerRequest() instanceof HttpServletRequest http)) {
            return "unknown";
        }
        return of(http, PortalApplication.get().config().trustedProxies());
    }

    public static String of(HttpServletRequest request, List<IpRange> trustedProxies) {
        String remote = request.getRemoteAddr();
        return of(remote, trustedProxies.isEmpty() ? null : request.getHeader("X-Forwarded-For"), trustedProxies);
    }

    /** The same from the connection's address and the raw {@code X-Forwarded-For} (null when absent). */
    public static String of(String remote, String forwarded, List<IpRange> trustedProxies) {
        if (remote == null || remote.isBlank()) {
            return "unknown";
        }
        if (trustedProxies.isEmpty() || !trusted(remote, trustedProxies)) {
            return remote;
        }
        if (forwarded == null || forwarded.isBlank()) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = strip(hops[i]);
            if (hop.isEmpty()) {
                continue;
            }
            if (!trusted(hop, trustedProxies)) {
                return hop;
            }
        }
        return remote;
    }

    private static boolean trusted(String address, List<IpRange> trustedProxies) {
        for (IpRange range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An address as proxies write it: maybe "[v6]:port" or "v4:port"; at most the length of an IPv6 literal. */
    private static String strip(String hop) {
        String a = hop.strip();
        if (a.startsWith("[") && a.indexOf(']') > 0) {
            a = a.substring(1, a.indexOf(']'));
        } else if (a.indexOf(':') > 0 && a.indexOf(':') == a.lastIndexOf(':')) {
            a = a.substring(0, a.indexOf(':'));
        }
        return a.length() > 45 ? a.substring(0, 45) : a;
    }
}
