/**
 * The information materials on the web: the readers' library ({@code /ro/materiale}, {@code /ru/materialy}) with
 * filters, the files and thumbnails ({@link md.migratiesigura.portal.web.materials.MaterialFileServlet}), the back
 * office's list and upload form, and the leaflets the portal makes at start from its own articles.
 */
package md.migratiesigura.portal.web.materials;
