/**
 * Search on the web: the public search page and the search API.
 */
package md.migratiesigura.portal.web.search;
