/**
 * Reading the content folder whatever feature it feeds: strict UTF-8, YAML front matter, Markdown rendered to
 * sanitized HTML, ASCII slugs, the rules every stored text obeys, and the import problems reported by file and
 * line.
 */
package md.migratiesigura.portal.content;
