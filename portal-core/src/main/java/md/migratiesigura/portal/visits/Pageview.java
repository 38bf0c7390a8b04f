package md.migratiesigura.portal.visits;

import java.time.Instant;
import md.migratiesigura.portal.common.Language;

/**
 * One counted pageview on its way to the database, in memory only. The visitor is already hashed when the month's
 * salt was at hand; otherwise (the database was not reachable yet) the address and user agent wait here, in
 * memory, until the flusher can hash them. Neither is ever written anywhere.
 *
 * @param visitor  SHA-256 of salt, address and user agent, or null when not yet hashed
 * @param path     the page's path without query, at most 200 characters
 * @param referrer how the pageview arrived; only used when it starts a visit
 * @param domain   the referring site's domain, or null
 */
record Pageview(Instant at, Month month, byte[] visitor, String address, String userAgent, String path,
                Language language, DeviceClass device, ReferrerClass referrer, String domain) {

    Pageview hashed(byte[] hash) {
        return new Pageview(at, month, hash, null, null, path, language, device, referrer, domain);
    }
}
