/**
 * Staff accounts: users and roles, password hashing and policy, the second factor (TOTP), sign-in with throttling
 * decided by the web module, and the generation of sessions that lets an administrator end them all.
 */
package md.migratiesigura.portal.account;
