/**
 * Articles and their editorial workflow: the entities (an article, its translations, revisions and categories),
 * writing and publishing with revisions, diff and restore, translation states, scheduled publishing, the
 * pre-publish checks, and the importer of the content folder's articles. Public readers get {@link
 * md.migratiesigura.portal.article.ArticleView}s; editors work through {@link
 * md.migratiesigura.portal.article.EditorialService}.
 *
 * <p>Pages (about the service, contacts, …) are articles of another {@link
 * md.migratiesigura.portal.article.ArticleKind}: undated, uncategorized, outside the listings and feeds, at
 * {@code /ro/{slug}}. They reuse everything editorial here (translations, revisions with diff and restore, preview,
 * workflow, translation states, audit, role checks) rather than duplicating it in a page entity; what differs is a
 * column, the public queries' filter on it ({@link md.migratiesigura.portal.article.ArticleService} for articles,
 * {@link md.migratiesigura.portal.article.PageService} for pages), a search source of their own type, slugs that may
 * not take a fixed address ({@link md.migratiesigura.portal.article.ReservedSlugs}), and their importer
 * ({@link md.migratiesigura.portal.article.PageImporter}).
 */
package md.migratiesigura.portal.article;
