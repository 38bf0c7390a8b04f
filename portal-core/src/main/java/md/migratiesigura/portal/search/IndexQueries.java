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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import md.migratiesigura.portal.common.Language;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
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

    /** The current equivalent-word lists; replaced as a whole when they change. */
    private final Supplier<EquivalentWords> equivalents;
    /** The queries of the lists' entries, parsed once per version of the lists (list text only, nothing typed). */
    private final Map<String, Query> parsedAlternatives = new ConcurrentHashMap<>();
    private volatile long parsedVersion = Long.MIN_VALUE;

    IndexQueries(SearcherManager searchers, Analyzer analyzer, Supplier<EquivalentWords> equivalents) {
        this.searchers = searchers;
        this.equivalents = equivalents;
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
        EquivalentWords lists = currentLists();
        Words words = wordsQuery(IndexDocuments.nfc(text), languages, lists);
        if (words == null) {
            return SearchResults.empty();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<BooleanClause> filters = SearchFilters.of(request, now, searcher.getIndexReader());
                int first = (request.page() - 1) * request.size();
                int wanted = first + request.size();
                // First the documents with every word, best first; then, if the page is not full, those with some.
                // Only the best `wanted` of each are scored in full: the collector skips blocks of documents that
                // cannot enter the page (block-max WAND), and the total is counted apart, without scores.
                TopDocs top = searcher.search(SearchFilters.filtered(words.all(), null, filters),
                        new TopScoreDocCollectorManager(wanted, null, wanted));
                // When a document holds every word, none of them is unknown: no did-you-mean is looked for. A question
                // is matched by any of its words: the suggester looks at each word itself.
                boolean everyWordFound = !words.ranked() && top.totalHits.value > 0;
                boolean complete = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
                if (words.some() != null && top.scoreDocs.length < wanted) {
                    TopDocs rest = searcher.search(SearchFilters.filtered(words.some(), words.all(), filters),
                            new TopScoreDocCollectorManager(wanted - top.scoreDocs.length, null, wanted));
                    top = new TopDocs(new TotalHits(top.totalHits.value + rest.totalHits.value, TotalHits.Relation.EQUAL_TO),
                            concat(top.scoreDocs, rest.scoreDocs));
                    complete = complete && rest.totalHits.relation == TotalHits.Relation.EQUAL_TO;
                } else if (words.some() != null) {
                    complete = false;
                }
                long total = complete ? top.totalHits.value : searcher.search(
                        SearchFilters.filtered(words.some() != null ? words.some() : words.all(), null, filters),
                        new CappedCount(SearchIndex.COUNT_LIMIT + 1));
                // Snippets come from the body: highlighting needs only the words in the body fields; the other
                // fields and the filters would add nothing to it but work.
                List<SearchHit> hits = hits(searcher, words.snippets(), top, first, languages);
                String suggestion = everyWordFound ? null
                        : didYouMean.suggestion(searcher, text, request.language(), lists);
                return new SearchResults(Math.min(total, SearchIndex.COUNT_LIMIT), total <= SearchIndex.COUNT_LIMIT, hits,
                        suggestion);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lists of now; the parsed entries of an older version are dropped when they change. */
    private EquivalentWords currentLists() {
        EquivalentWords lists = equivalents.get();
        if (lists.version() != parsedVersion || parsedAlternatives.size() > 50_000) {
            parsedAlternatives.clear();
            parsedVersion = lists.version();
        }
        return lists;
    }

    private static ScoreDoc[] concat(ScoreDoc[] first, ScoreDoc[] second) {
        ScoreDoc[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /**
     * The words as read: {@code all} finds the documents with every meaningful word (or one of its equivalents);
     * {@code some}, null for a single word or phrase, those with any of them; {@code snippets} is the same words over
     * the body fields only, for the highlighter. A {@code ranked} query (a question) has only {@code all}, which finds
     * the documents with any of the words, those with the most and the weightiest first.
     */
    private record Words(Query all, Query some, Query snippets, boolean ranked) {
    }

    /**
     * From how many meaningful words (or phrases, or words with their equivalents) a query is read as a question:
     * ranked by the words it matches rather than first the documents with every word. Fewer words are keywords,
     * for which "every word first" is what a reader expects (measured in docs/search.md, "Evaluation").
     */
    static final int QUESTION_UNITS = 4;

    /** How much a word found through the equivalent-word lists weighs beside the word as typed. */
    static final float EQUIVALENT_WEIGHT = 1.0f;

    /**
     * One pass over the typed words: question words and filler are left out (unless nothing else was typed), a word
     * or phrase that has an entry in the equivalent-word lists becomes "it or any of its equivalents", every other
     * word is looked for as typed. Only words with an entry cost more than before.
     */
    private Words wordsQuery(String text, List<Language> languages, EquivalentWords equivalents) {
        List<QueryWords.Word> words = QueryWords.of(text);
        if (words.isEmpty()) {
            return null;
        }
        boolean onlyFiller = words.stream().allMatch(QueryWords.Word::filler);
        Parsers parsers = new Parsers(languages);
        List<Query> units = new ArrayList<>();
        List<Query> snippetUnits = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            QueryWords.Word word = words.get(i);
            if (word.phrase()) {
                add(units, parsers.parse("\"" + word.typed() + "\"", false));
                add(snippetUnits, parsers.parse("\"" + word.typed() + "\"", true));
                i++;
                continue;
            }
            int end = i;
            List<String> alternatives = List.of();
            if (equivalents != null) {
                StringBuilder key = new StringBuilder();
                for (int j = i; j < words.size() && j < i + EquivalentWords.MAX_PHRASE_WORDS && !words.get(j).phrase(); j++) {
                    key.append(j == i ? "" : " ").append(words.get(j).key());
                    List<String> found = alternativesOf(equivalents, languages, key.toString());
                    if (!found.isEmpty()) {
                        alternatives = found;
                        end = j;
                    }
                }
            }
            if (alternatives.isEmpty()) {
                if (!word.filler() || onlyFiller) {
                    add(units, parsers.parse(word.typed(), false));
                    add(snippetUnits, parsers.parse(word.typed(), true));
                }
                i++;
                continue;
            }
            String typed = typedSpan(words, i, end);
            BooleanQuery.Builder unit = new BooleanQuery.Builder();
            BooleanQuery.Builder snippetUnit = new BooleanQuery.Builder();
            addShould(unit, parsers.parse(typed, false), 1f);
            addShould(snippetUnit, parsers.parse(typed, true), 1f);
            for (String alternative : alternatives) {
                String asTyped = alternative.indexOf(' ') >= 0 ? "\"" + alternative + "\"" : alternative;
                addShould(unit, parsers.cached(equivalents, asTyped, false), EQUIVALENT_WEIGHT);
                addShould(snippetUnit, parsers.cached(equivalents, asTyped, true), EQUIVALENT_WEIGHT);
            }
            add(units, unit.build());
            add(snippetUnits, snippetUnit.build());
            i = end + 1;
        }
        if (units.isEmpty()) {
            return null;
        }
        Query snippets = snippetUnits.isEmpty() ? null : combine(snippetUnits, Occur.SHOULD);
        if (units.size() == 1) {
            return new Words(units.get(0), null, snippets, false);
        }
        if (units.size() >= QUESTION_UNITS) {
            // A question: its answer seldom has every word, and a long text that has them all by chance (a country
            // guide) came before the article that answers. One ranked pass: each word adds what it weighs.
            return new Words(combine(units, Occur.SHOULD), null, snippets, true);
        }
        return new Words(combine(units, Occur.MUST), combine(units, Occur.SHOULD), snippets, false);
    }

    /** The words of a matched list entry as typed, without its filler unless it is all filler ("la nemți"). */
    private static String typedSpan(List<QueryWords.Word> words, int from, int to) {
        StringBuilder meaningful = new StringBuilder();
        StringBuilder all = new StringBuilder();
        for (int j = from; j <= to; j++) {
            QueryWords.Word w = words.get(j);
            all.append(all.isEmpty() ? "" : " ").append(w.typed());
            if (!w.filler()) {
                meaningful.append(meaningful.isEmpty() ? "" : " ").append(w.typed());
            }
        }
        return meaningful.isEmpty() ? all.toString() : meaningful.toString();
    }

    private static List<String> alternativesOf(EquivalentWords equivalents, List<Language> languages, String key) {
        if (languages.size() == 1) {
            return equivalents.alternatives(languages.get(0), key);
        }
        List<String> all = new ArrayList<>();
        for (Language language : languages) {
            for (String alternative : equivalents.alternatives(language, key)) {
                if (!all.contains(alternative)) {
                    all.add(alternative);
                }
            }
        }
        return all;
    }

    private static void add(List<Query> queries, Query query) {
        if (query != null && !(query instanceof MatchNoDocsQuery) && !(query instanceof MatchAllDocsQuery)) {
            queries.add(query);
        }
    }

    private static void addShould(BooleanQuery.Builder builder, Query query, float weight) {
        if (query != null && !(query instanceof MatchNoDocsQuery) && !(query instanceof MatchAllDocsQuery)) {
            builder.add(weight == 1f ? query : new BoostQuery(query, weight), Occur.SHOULD);
        }
    }

    private static Query combine(List<Query> queries, Occur occur) {
        if (queries.size() == 1) {
            return queries.get(0);
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        queries.forEach(q -> builder.add(q, occur));
        return builder.build();
    }

    /**
     * The parsers of one search: the title, body and exact-word fields of the searched languages, plus the
     * Latin-letter field of Russian for words typed in Latin letters.
     */
    private final class Parsers {
        private final List<Language> languages;
        private final String languagesKey;
        private SimpleQueryParser cyrillic;
        private SimpleQueryParser latin;
        private SimpleQueryParser bodies;

        Parsers(List<Language> languages) {
            this.languages = languages;
            this.languagesKey = languages.toString();
        }

        Query parse(String text, boolean bodiesOnly) {
            return parser(text, bodiesOnly).parse(text);
        }

        /** A list entry's query, parsed once per version of the lists. */
        Query cached(EquivalentWords equivalents, String text, boolean bodiesOnly) {
            boolean latinLetters = !bodiesOnly && languages.contains(Language.RU) && !hasCyrillic(text);
            String key = equivalents.version() + "|" + languagesKey + "|" + bodiesOnly + "|" + latinLetters + "|" + text;
            return parsedAlternatives.computeIfAbsent(key, k -> parse(text, bodiesOnly));
        }

        private SimpleQueryParser parser(String text, boolean bodiesOnly) {
            if (bodiesOnly) {
                if (bodies == null) {
                    Map<String, Float> weights = new LinkedHashMap<>();
                    for (Language language : languages) {
                        weights.put("body_" + language.code(), 1f);
                    }
                    bodies = newParser(weights);
                }
                return bodies;
            }
            // Russian typed in Latin letters: a word with Cyrillic letters would only find through this field what
            // the Cyrillic fields find already, at the cost of scoring it twice.
            boolean latinLetters = languages.contains(Language.RU) && !hasCyrillic(text);
            if (latinLetters ? latin == null : cyrillic == null) {
                Map<String, Float> weights = new LinkedHashMap<>();
                for (Language language : languages) {
                    weights.put("title_" + language.code(), TITLE_WEIGHT);
                    weights.put("body_" + language.code(), 1f);
                    weights.put("folded_" + language.code(), 0.5f);
                    if (language == Language.RU && latinLetters) {
                        weights.put("translit_ru", 0.5f);
                        weights.put("translit_title_ru", 0.5f * TITLE_WEIGHT);
                    }
                }
                if (latinLetters) {
                    latin = newParser(weights);
                } else {
                    cyrillic = newParser(weights);
                }
            }
            return latinLetters ? latin : cyrillic;
        }

        private SimpleQueryParser newParser(Map<String, Float> weights) {
            SimpleQueryParser parser = new SimpleQueryParser(analyzer, weights, PARSER_FLAGS);
            parser.setDefaultOperator(Occur.MUST);
            return parser;
        }
    }

    /** How much the title weighs beside the body (the summary opens the body). */
    static final float TITLE_WEIGHT = 4f;

    private static boolean hasCyrillic(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
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
