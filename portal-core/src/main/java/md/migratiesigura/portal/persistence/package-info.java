/**
 * The database: the Hikari pool, Flyway migrations and Hibernate's session factory, the embedded MariaDB used when
 * no server is configured, and leases that let one node at a time run a scheduled job.
 */
package md.migratiesigura.portal.persistence;
