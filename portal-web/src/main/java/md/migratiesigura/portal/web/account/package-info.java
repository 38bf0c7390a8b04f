/**
 * Signing in and staff accounts: the login and second-factor pages, the account page (password, TOTP setup), and
 * the administrators' user management.
 */
package md.migratiesigura.portal.web.account;
