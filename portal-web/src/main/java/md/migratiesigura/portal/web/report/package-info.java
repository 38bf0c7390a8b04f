/**
 * The annual report on the web: the public report page, its CSV and PDF downloads and API, and the administrators'
 * page for the entered figures.
 */
package md.migratiesigura.portal.web.report;
