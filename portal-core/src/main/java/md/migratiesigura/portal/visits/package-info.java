/**
 * Cookie-less visit counting: which requests are pageviews, visitors as hashes under a monthly salt that is
 * destroyed when the month closes, visits as runs without a 30-minute gap, and the batches that reach the database.
 */
package md.migratiesigura.portal.visits;
