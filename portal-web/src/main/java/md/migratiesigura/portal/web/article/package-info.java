/**
 * Articles on the web: the public article, category and tag pages, the Atom feed and the articles API, and the
 * editor's pages (list, editor with preview, revisions and diff, translation matrix).
 */
package md.migratiesigura.portal.web.article;
