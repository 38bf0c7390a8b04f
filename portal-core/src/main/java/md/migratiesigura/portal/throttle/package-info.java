/**
 * Where the throttles (login tries, consultation and live chat limits) keep their counts: in the database, so that every portal
 * node of a cluster counts against the same allowance, keyed by a keyed hash of the address or ticket (never the
 * address itself) and forgotten when expired; or in memory, for a unit test of a throttle's rules.
 */
package md.migratiesigura.portal.throttle;
