/**
 * The web module's defences: security headers, back-office isolation and resource-path guards, the staff session
 * and its listener, login throttling, trusted proxies and the no-store rule for pages with personal data.
 */
package md.migratiesigura.portal.web.security;
