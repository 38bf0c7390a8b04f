/**
 * Serves the uploaded images by id.
 */
package md.migratiesigura.portal.web.media;
