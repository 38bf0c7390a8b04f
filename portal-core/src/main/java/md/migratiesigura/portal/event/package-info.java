/**
 * Events that trainers list (school sessions, exhibitions, campaigns): their entities and types, the district list,
 * editing and listing, the content folder's event importer, and the figures the annual report counts.
 */
package md.migratiesigura.portal.event;
