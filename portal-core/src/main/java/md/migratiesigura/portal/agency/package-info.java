/**
 * The registry of licensed recruitment agencies: the entities, the search readers use to check an agency by name or
 * IDNO, and the CSV import with its line-numbered preview.
 */
package md.migratiesigura.portal.agency;
