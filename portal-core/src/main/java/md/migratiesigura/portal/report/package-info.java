/**
 * The annual report: the computed figures (visits, events, checks, consultations) beside the figures an
 * administrator enters, published per year, and the importer of the bundled report seeds.
 */
package md.migratiesigura.portal.report;
