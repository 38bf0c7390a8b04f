/**
 * The licensed-agency registry on the web: the public search page, its API, and the editors' CSV import with
 * preview.
 */
package md.migratiesigura.portal.web.agency;
