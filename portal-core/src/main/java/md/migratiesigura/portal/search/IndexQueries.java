package md.migratiesigura.portal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.common.Language;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The reading side of the {@link SearchIndex}: what was typed becomes a query over the requested languages' fields,
 * the best hits of the page get their snippets, and a search in which no document has every word gets a
 * did-you-mean ({@link DidYouMeanSuggester}).
 */
final class IndexQueries {

    // Only phrases and plain words: operators, wildcards and fuzzy syntax are read as text, so nothing typed can
    // expand into thousands of clauses or fail to parse.
    private static final int PARSER_FLAGS = SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.WHITESPACE_OPERATOR;

    private final SearcherManager searchers;
    private final Analyzer analyzer;
    private final DidYouMeanSuggester didYouMean;

    IndexQueries(SearcherManager searchers, Analyzer analyzer) {
        this.searchers = searchers;
        this.analyzer = analyzer;
        this.didYouMean = new DidYouMeanSuggester(analyzer);
    }

    /**
     * Runs a search: the words in the title count most, documents with all the words come before those with some,
     * only what is public at {@code now} is found.
     */
    SearchResults search(SearchQuery request, String text, Instant now) {
        List<Language> languages = request.bothLanguages() ? List.of(request.language(), request.language().other())
                : List.of(request.language());
        Words words = wordsQuery(IndexDocuments.nfc(text), languages);
        if (words == null) {
            return SearchResults.empty();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<BooleanClause> filters = filters(request, now, searcher.getIndexReader());
                int first = (request.page() - 1) * request.size();
                int wanted = first + request.size();
                // First the documents with every word, best first; then, if the page is not full, those with some.
                // Only the best `wanted` of each are scored in full: the collector skips blocks of documents that
                // cannot enter the page (block-max WAND), and the total is counted apart, without scores.
                TopDocs top = searcher.search(filtered(words.all(), null, filters),
                        new TopScoreDocCollectorManager(wanted, null, wanted));
                // When a document holds every word, none of them is unknown: no did-you-mean is looked for.
                boolean everyWordFound = top.totalHits.value > 0;
                boolean complete = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
                if (words.some() != null && top.scoreDocs.length < wanted) {
                    TopDocs rest = searcher.search(filtered(words.some(), words.all(), filters),
                            new TopScoreDocCollectorManager(wanted - top.scoreDocs.length, null, wanted));
                    top = new TopDocs(new TotalHits(top.totalHits.value + rest.totalHits.value, TotalHits.Relation.EQUAL_TO),
                            concat(top.scoreDocs, rest.scoreDocs));
                    complete = complete && rest.totalHits.relation == TotalHits.Relation.EQUAL_TO;
                } else if (words.some() != null) {
                    complete = false;
                }
                long total = complete ? top.totalHits.value : searcher.search(
                        filtered(words.some() != null ? words.some() : words.all(), null, filters),
                        new CappedCount(SearchIndex.COUNT_LIMIT + 1));
                // Snippets come from the body: highlighting needs only the words in the body fields; the other
                // fields and the filters would add nothing to it but work.
                List<SearchHit> hits = hits(searcher, snippetQuery(IndexDocuments.nfc(text), languages), top, first, languages);
                String suggestion = everyWordFound ? null : didYouMean.suggestion(searcher, text, request.language());
                return new SearchResults(Math.min(total, SearchIndex.COUNT_LIMIT), total <= SearchIndex.COUNT_LIMIT, hits,
                        suggestion);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query filtered(Query words, Query excluded, List<BooleanClause> filters) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(words, Occur.MUST);
        if (excluded != null) {
            query.add(excluded, Occur.MUST_NOT);
        }
        filters.forEach(query::add);
        return query.build();
    }

    private static ScoreDoc[] concat(ScoreDoc[] first, ScoreDoc[] second) {
        ScoreDoc[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /**
     * What is public at {@code now}, of the requested type and category. No filter on the language: every text field
     * is one language's ({@code title_ro}, {@code body_ru}, ...), so the words query finds only the requested
     * languages' documents. What is not public yet is excluded rather than what is public kept: a filter that keeps
     * nearly every document cost a third of each search (measured on the benchmark's index), an exclusion of the few
     * scheduled ones next to nothing, and it is left out while nothing in the index is scheduled for later.
     */
    private static List<BooleanClause> filters(SearchQuery request, Instant now, IndexReader reader) throws IOException {
        List<BooleanClause> filters = new ArrayList<>();
        if (latestVisibleFrom(reader) > now.toEpochMilli()) {
            filters.add(new BooleanClause(LongPoint.newRangeQuery("visible_from", now.toEpochMilli() + 1, Long.MAX_VALUE),
                    Occur.MUST_NOT));
        }
        request.type().ifPresent(t -> filters.add(new BooleanClause(new TermQuery(new Term("type", t)), Occur.FILTER)));
        request.category().ifPresent(c -> filters.add(
                new BooleanClause(new TermQuery(new Term("category", c)), Occur.FILTER)));
        return filters;
    }

    /**
     * The latest moment from which a document of the index is visible (deleted documents included, which only keeps
     * the time filter longer than needed); {@link Long#MIN_VALUE} for an empty index.
     */
    private static long latestVisibleFrom(IndexReader reader) throws IOException {
        long latest = Long.MIN_VALUE;
        for (LeafReaderContext leaf : reader.leaves()) {
            PointValues points = leaf.reader().getPointValues("visible_from");
            if (points != null) {
                latest = Math.max(latest, LongPoint.decodeDimension(points.getMaxPackedValue(), 0));
            }
        }
        return latest;
    }

    /**
     * The words as typed: {@code all} finds the documents with every word (or the one word, or the phrase);
     * {@code some}, null for a single word or phrase, those with any of them.
     */
    private record Words(Query all, Query some) {
    }

    private Words wordsQuery(String text, List<Language> languages) {
        Map<String, Float> weights = new LinkedHashMap<>();
        for (Language language : languages) {
            weights.put("title_" + language.code(), 4f);
            weights.put("body_" + language.code(), 1f);
            weights.put("folded_" + language.code(), 0.5f);
            // Russian typed in Latin letters: a query with Cyrillic letters would only find through this field
            // what the Cyrillic fields find already, at the cost of scoring it twice.
            if (language == Language.RU && !hasCyrillic(text)) {
                weights.put("translit_ru", 0.3f);
            }
        }
        SimpleQueryParser any = new SimpleQueryParser(analyzer, weights, PARSER_FLAGS);
        any.setDefaultOperator(Occur.SHOULD);
        Query anyWord = withoutMatchAll(any.parse(text));
        if (anyWord == null) {
            return null;
        }
        SimpleQueryParser all = new SimpleQueryParser(analyzer, weights, PARSER_FLAGS);
        all.setDefaultOperator(Occur.MUST);
        Query allWords = withoutMatchAll(all.parse(text));
        return allWords == null || allWords.equals(anyWord) ? new Words(anyWord, null) : new Words(allWords, anyWord);
    }

    /**
     * The parser reads a lone {@code *} as "every document", of every language: it is no word, so it is dropped
     * (null when nothing else is left). The parser's queries are flat: only the top level can hold it.
     */
    private static Query withoutMatchAll(Query query) {
        if (query instanceof MatchAllDocsQuery) {
            return null;
        }
        if (query instanceof BooleanQuery bool && bool.clauses().stream().anyMatch(c -> c.getQuery() instanceof MatchAllDocsQuery)) {
            BooleanQuery.Builder kept = new BooleanQuery.Builder();
            bool.clauses().stream().filter(c -> !(c.getQuery() instanceof MatchAllDocsQuery)).forEach(kept::add);
            BooleanQuery rest = kept.build();
            return rest.clauses().isEmpty() ? null : rest.clauses().size() == 1 ? rest.clauses().get(0).getQuery() : rest;
        }
        return query;
    }

    private static boolean hasCyrillic(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
    }

    private Query snippetQuery(String text, List<Language> languages) {
        Map<String, Float> bodies = new LinkedHashMap<>();
        for (Language language : languages) {
            bodies.put("body_" + language.code(), 1f);
        }
        return new SimpleQueryParser(analyzer, bodies, PARSER_FLAGS).parse(text);
    }

    private List<SearchHit> hits(IndexSearcher searcher, Query query, TopDocs top, int first, List<Language> languages)
            throws IOException {
        List<SearchHit> hits = new ArrayList<>();
        if (top.scoreDocs.length <= first) {
            return hits;
        }
        ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, first, top.scoreDocs.length);
        TopDocs pageDocs = new TopDocs(top.totalHits, page);
        UnifiedHighlighter highlighter = new SnippetHighlighter(searcher, analyzer);
        Map<String, String[]> snippets = new HashMap<>();
        for (Language language : languages) {
            snippets.put(language.code(), query == null ? new String[page.length]
                    : highlighter.highlight("body_" + language.code(), query, pageDocs, 2));
        }
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (int i = 0; i < page.length; i++) {
            int doc = page[i].doc;
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            BinaryDocValues cards = DocValues.getBinary(leaf.reader(), IndexDocuments.CARD);
            if (!cards.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("search document " + doc + " has no card");
            }
            HitCard card = HitCard.decode(cards.binaryValue());
            String[] ofLanguage = snippets.get(card.lang());
            String snippet = ofLanguage == null ? null : ofLanguage[i];
            if (snippet == null || snippet.isBlank()) {
                snippet = escapeHtml(card.summary() != null ? card.summary()
                        : abbreviate(SnippetHighlighter.bodyText(searcher, doc), 240));
            }
            hits.add(new SearchHit(card.type(), card.key(), Language.ofCode(card.lang()).orElseThrow(), card.slug(),
                    card.title(), snippet));
        }
        return hits;
    }

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max).replaceAll("\\s\\S*$", "") + "…";
    }

    static String escapeHtml(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#x27;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
