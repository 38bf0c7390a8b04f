/**
 * The JSON API's plumbing (one servlet dispatching to each feature's endpoint, request parsing, errors as 4xx JSON)
 * and the health probe.
 */
package md.migratiesigura.portal.web.api;
