/**
 * The library of information materials (leaflets, posters): a file per language checked by its content and parsed,
 * never executed, with a generated thumbnail, kept in the blob store; editors upload, replace and retire, readers
 * filter and download, and downloads are counted per month and file without anything about the reader.
 */
package md.migratiesigura.portal.materials;
