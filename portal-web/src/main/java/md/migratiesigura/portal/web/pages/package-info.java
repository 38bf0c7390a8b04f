/**
 * The hotline's own pages and the navigation every public page carries. Pages are articles of another kind
 * (undated, at {@code /ro/{slug}}, see {@link md.migratiesigura.portal.article.ArticleKind}): editors write them in
 * the articles' editor, with the same revisions, preview, workflow and audit ({@code web/article}), so this package
 * holds only what is theirs alone: the public {@link md.migratiesigura.portal.web.pages.PagePage}, the site navigation
 * ({@link md.migratiesigura.portal.web.pages.SiteNavigationPanel}, the footer's
 * {@link md.migratiesigura.portal.web.pages.FooterLinksPanel}), the fixed sections an entry may point at
 * ({@link md.migratiesigura.portal.web.pages.FixedSections}), and the editors' navigation page.
 */
package md.migratiesigura.portal.web.pages;
