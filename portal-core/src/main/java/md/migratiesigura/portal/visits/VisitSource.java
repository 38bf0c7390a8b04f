package md.migratiesigura.portal.visits;

/**
 * Where pageviews come from, as the counter's background thread needs to know it: how the client's address is told
 * from the connection's (trusted proxies), and this portal's own host name (so that links between its pages are not
 * "other sites"). The request thread hands over header values as they came; this turns them into facts later, off the
 * request thread.
 */
public interface VisitSource {

    /** The reader's address from the connection's and the raw {@code X-Forwarded-For} (maybe null). Never stored. */
    String clientAddress(String remoteAddress, String forwardedFor);

    String ownHost();

    /** A source without proxies: the address given is the client's. */
    static VisitSource direct(String ownHost) {
        return new VisitSource() {
            @Override
            public String clientAddress(String remoteAddress, String forwardedFor) {
                return remoteAddress;
            }

            @Override
            public String ownHost() {
                return ownHost;
            }
        };
    }
}
