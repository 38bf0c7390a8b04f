/**
 * The audit log: who did what in the back office and when, written in the same transaction as the change it
 * records, and read back page by page.
 */
package md.migratiesigura.portal.audit;
