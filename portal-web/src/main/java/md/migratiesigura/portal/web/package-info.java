/**
 * The web module: the Wicket application and the Jetty server that serves it, knowing core services and records but
 * never Hibernate or Lucene. {@link md.migratiesigura.portal.web.PortalServer} wires the filters and servlets;
 * {@link md.migratiesigura.portal.web.PortalApplication} mounts each feature's pages.
 */
package md.migratiesigura.portal.web;
