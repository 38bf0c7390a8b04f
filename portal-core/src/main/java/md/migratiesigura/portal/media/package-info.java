/**
 * Uploaded images: decoded, checked and re-encoded as JPEG in two sizes, stored under the data folder and recorded
 * in the database; the articles and events refer to them by id.
 */
package md.migratiesigura.portal.media;
