/**
 * What every public page shares: the base page with its header, footer, hotline and quick exit, status and error
 * pages, the URL mappers that put the language first, and small components.
 */
package md.migratiesigura.portal.web.common;
