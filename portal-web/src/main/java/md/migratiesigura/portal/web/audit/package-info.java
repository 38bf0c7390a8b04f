/**
 * The back office's audit log page.
 */
package md.migratiesigura.portal.web.audit;
