/**
 * The page cache: public pages rendered once per content version and served from memory until an edit moves the
 * version.
 */
package md.migratiesigura.portal.web.cache;
