/**
 * Files kept in the database in chunks ({@link md.migratiesigura.portal.storage.BlobStore}), with their size, media
 * type and SHA-256: shared by every node of a cluster and included in the database's backup. Features (materials,
 * images) keep the id of a stored file and decide themselves what may be stored and who may read it.
 */
package md.migratiesigura.portal.storage;
