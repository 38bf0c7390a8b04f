package md.migratiesigura.portal.visits;

import md.migratiesigura.portal.common.Language;

/**
 * A pageview as the request thread hands it over: header values as the request carried them, nothing computed from
 * them (no hash, no user-agent matching, no referrer parsing). In memory only, for the moment until the counter's
 * background thread digests it into a {@link Pageview}; the address is never written anywhere.
 *
 * @param atMillis      when the page was served
 * @param remoteAddress the connection's address
 * @param forwardedFor  the request's {@code X-Forwarded-For}, or null when no proxy is trusted
 */
record RawPageview(long atMillis, String remoteAddress, String forwardedFor, String userAgent, String path,
                   Language language, String referer, VisitSource source) {
}
