/**
 * The job-offer check on the web: the questionnaire page and its panels, and its JSON API.
 */
package md.migratiesigura.portal.web.riskcheck;
