/**
 * Articles and their editorial workflow: the entities (an article, its translations, revisions and categories),
 * writing and publishing with revisions, diff and restore, translation states, scheduled publishing, the
 * pre-publish checks, and the importer of the content folder's articles. Public readers get {@link
 * md.migratiesigura.portal.article.ArticleView}s; editors work through {@link
 * md.migratiesigura.portal.article.EditorialService}.
 */
package md.migratiesigura.portal.article;
