/**
 * The job-offer check: the questionnaire loaded from the content folder, the red-flag rules it raises, the verdict
 * a reader sees, and the anonymous monthly counts the report shows.
 */
package md.migratiesigura.portal.riskcheck;
