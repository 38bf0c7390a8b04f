/**
 * What crawlers read: the sitemap with its language alternates and robots.txt.
 */
package md.migratiesigura.portal.web.sitemap;
