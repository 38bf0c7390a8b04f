/**
 * Visit counting on the web: the filter that notes each public pageview without delaying it, and the back office's
 * visits page with its charts.
 */
package md.migratiesigura.portal.web.visits;
