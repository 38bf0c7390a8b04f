/**
 * Search in Romanian and Russian with Lucene: the analyzers (diacritics, cedilla letters, stemming, Latin-typed
 * Russian), the index and its rebuild, queries with snippets and did-you-mean, and the outbox that keeps the index
 * in step with the database across nodes.
 */
package md.migratiesigura.portal.search;
