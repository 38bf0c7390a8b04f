/**
 * The few small types many features share: the two languages, staff roles and the signed-in user, a page of
 * results, the sealer for small secrets and the hotline's time zone.
 */
package md.migratiesigura.portal.common;
