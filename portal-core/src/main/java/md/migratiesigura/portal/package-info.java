/**
 * The portal's core: what it knows and keeps, with no web framework in sight. {@link
 * md.migratiesigura.portal.PortalCore} is the one composition root: it starts the database, migrates it, opens the
 * search index, imports the content folder and hands the services to the web module as {@link
 * md.migratiesigura.portal.PortalServices}.
 */
package md.migratiesigura.portal;
