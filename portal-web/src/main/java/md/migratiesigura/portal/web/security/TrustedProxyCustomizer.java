package md.migratiesigura.portal.web.security;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import md.migratiesigura.portal.config.IpRange;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Believes {@code X-Forwarded-For} / {@code X-Forwarded-Proto} only on connections from {@code PORTAL_TRUSTED_PROXIES}:
 * there the client address and the https scheme come from the proxy, everywhere else from the connection itself,
 * so no visitor can claim another address or fake https by sending the headers.
 */
public final class TrustedProxyCustomizer implements HttpConfiguration.Customizer {

    private final List<IpRange> trusted;
    private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();

    public TrustedProxyCustomizer(List<IpRange> trusted) {
        this.trusted = List.copyOf(trusted);
        forwarded.setForwardedOnly(false);
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        if (trusted.isEmpty() || !fromTrustedProxy(request.getConnectionMetaData().getRemoteSocketAddress())) {
            return request;
        }
        return forwarded.customize(request, responseHeaders);
    }

    private boolean fromTrustedProxy(SocketAddress remote) {
        if (!(remote instanceof InetSocketAddress address) || address.getAddress() == null) {
            return false;
        }
        // The address's bytes as they are: every request passes here, so no text is made and parsed again.
        byte[] bytes = address.getAddress().getAddress();
        for (IpRange range : trusted) {
            if (range.containsAddress(bytes)) {
                return true;
            }
        }
        return false;
    }
}
