/**
 * The public home page in each language.
 */
package md.migratiesigura.portal.web.home;
