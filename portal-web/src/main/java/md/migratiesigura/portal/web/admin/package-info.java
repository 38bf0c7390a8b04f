/**
 * The back office's shell: the base page with its navigation by role, the dashboard, the access-denied page and the
 * small helpers every staff page uses.
 */
package md.migratiesigura.portal.web.admin;
