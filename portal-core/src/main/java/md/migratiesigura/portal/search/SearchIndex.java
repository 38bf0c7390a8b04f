package md.migratiesigura.portal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.config.ConfigException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index under the data directory: one {@link IndexWriter} and one {@link SearcherManager} for the life
 * of the portal. Each commit records the analyzer version and the position in the database's change outbox up to
 * which it is complete, so a crash at any moment leaves an index that knows where to resume; an index that cannot
 * be read or was built by other analyzers is rebuilt from the database, the source of truth.
 */
public final class SearchIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    static final String POSITION = "outbox_position";
    static final String ANALYZERS = "analyzers";
    // Only phrases and plain words: operators, wildcards and fuzzy syntax are read as text, so nothing typed can
    // expand into thousands of clauses or fail to parse.
    private static final int PARSER_FLAGS = SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.WHITESPACE_OPERATOR;
    /**
     * How the documents are laid out (fields, what is stored, doc values); an index written with another layout is
     * rebuilt at start, like one built by other analyzers.
     */
    static final String LAYOUT = "3";
    static final String LAYOUT_KEY = "layout";
    private static final String CARD = "card";
    /**
     * Matches are counted up to this many (then reported as "more than"), like the search engines people know: a
     * reader never pages that far, and counting every match of a common word would cost more than finding the best.
     */
    public static final int COUNT_LIMIT = 1000;
    private static final int REBUILD_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final int REBUILD_IN_FLIGHT = 256;
    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();
    private static final FieldType SECONDARY_TEXT = secondaryText();

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile boolean rebuildNeeded;

    private SearchIndex(Directory directory, IndexWriter writer, Analyzer analyzer, boolean rebuildNeeded)
            throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.analyzer = analyzer;
        this.searchers = new SearcherManager(writer, null);
        this.rebuildNeeded = rebuildNeeded;
    }

    public static SearchIndex open(Path dir) {
        try {
            Files.createDirectories(dir);
            Directory directory = FSDirectory.open(dir);
            Analyzer analyzer = PortalAnalyzers.perField();
            boolean rebuild;
            IndexWriter writer;
            try {
                writer = new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
                Map<String, String> data = lastCommitData(writer);
                rebuild = !PortalAnalyzers.VERSION.equals(data.get(ANALYZERS)) || !LAYOUT.equals(data.get(LAYOUT_KEY));
                if (rebuild && data.containsKey(ANALYZERS)) {
                    log.info("The search index was built by analyzers version {}, layout {}; rebuilding it with "
                                    + "analyzers version {}, layout {}", data.get(ANALYZERS), data.get(LAYOUT_KEY),
                            PortalAnalyzers.VERSION, LAYOUT);
                }
            } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
                log.warn("The search index in {} cannot be read ({}); rebuilding it", dir, e.getClass().getSimpleName());
                // Even CREATE reads the old commit point: remove the unreadable files first.
                for (String file : directory.listAll()) {
                    directory.deleteFile(file);
                }
                writer = new IndexWriter(directory, config(analyzer, IndexWriterConfig.OpenMode.CREATE));
                rebuild = true;
            }
            return new SearchIndex(directory, writer, analyzer, rebuild);
        } catch (LockObtainFailedException e) {
            throw new ConfigException("PORTAL_DATA_DIR", "the search index in " + dir
                    + " is in use by another running portal", e);
        } catch (IOException e) {
            throw new ConfigException("PORTAL_DATA_DIR", "cannot open the search index in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static IndexWriterConfig config(Analyzer analyzer, IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(analyzer).setOpenMode(mode).setRAMBufferSizeMB(32);
    }

    private static Map<String, String> lastCommitData(IndexWriter writer) throws IOException {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    /** Whether the index must be rebuilt from the database before it can be trusted. */
    public boolean needsRebuild() {
        return rebuildNeeded;
    }

    /** The outbox position up to which the last commit is complete. */
    public long position() {
        try {
            return Long.parseLong(lastCommitData(writer).getOrDefault(POSITION, "0"));
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** Replaces everything the index holds of an item by its current documents (none: the item disappears). */
    public void replace(String type, String key, List<SearchDocument> documents) {
        writeLock.lock();
        try {
            writer.deleteDocuments(new Term("ref", SearchDocument.itemRef(type, key)));
            for (SearchDocument d : documents) {
                writer.addDocument(toLucene(d));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Makes what was written durable, remembering the outbox position it is complete up to, and searchable. */
    public void commit(long position) {
        writeLock.lock();
        try {
            writer.setLiveCommitData(Map.of(POSITION, Long.toString(position), ANALYZERS, PortalAnalyzers.VERSION,
                    LAYOUT_KEY, LAYOUT).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Empties the index and fills it from the sources, then commits at the given outbox position. The sources are read
     * on this thread while other threads analyse what was read, so that reading the database and analysing text
     * overlap; at most {@value #REBUILD_IN_FLIGHT} documents wait in between.
     */
    public int rebuild(List<SearchSource> sources, long position) {
        writeLock.lock();
        ExecutorService analysers = Executors.newFixedThreadPool(REBUILD_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "search-rebuild");
            thread.setDaemon(true);
            return thread;
        });
        Semaphore inFlight = new Semaphore(REBUILD_IN_FLIGHT);
        try {
            long started = System.nanoTime();
            writer.deleteAll();
            AtomicInteger count = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            for (SearchSource source : sources) {
                source.forEach(d -> {
                    throwIfFailed(failure);
                    inFlight.acquireUninterruptibly();
                    analysers.execute(() -> {
                        try {
                            writer.addDocument(toLucene(d));
                            count.incrementAndGet();
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        } finally {
                            inFlight.release();
                        }
                    });
                });
            }
            awaitAnalysers(analysers, inFlight);
            throwIfFailed(failure);
            // One segment: each search then looks every word up once instead of once per segment, and reads the
            // norms of a language's fields from one dense block. Later changes add small segments that the merge
            // policy folds in.
            writer.forceMerge(1);
            commit(position);
            rebuildNeeded = false;
            log.info("Search index rebuilt: {} document(s) in {} ms", count.get(), (System.nanoTime() - started) / 1_000_000);
            return count.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            awaitAnalysers(analysers, inFlight);
            writeLock.unlock();
        }
    }

    /**
     * Lets the analysers finish what they hold, even after a failure: interrupting a thread inside the IndexWriter
     * would close the writer for good.
     */
    private static void awaitAnalysers(ExecutorService analysers, Semaphore inFlight) {
        if (!analysers.isShutdown()) {
            analysers.shutdown();
            inFlight.acquireUninterruptibly(REBUILD_IN_FLIGHT);
        }
    }

    private static void throwIfFailed(AtomicReference<Throwable> failure) {
        Throwable e = failure.get();
        if (e instanceof IOException io) {
            throw new UncheckedIOException(io);
        } else if (e instanceof RuntimeException runtime) {
            throw runtime;
        } else if (e instanceof Error error) {
            throw error;
        }
    }

    private static Document toLucene(SearchDocument d) {
        String lang = d.language().code();
        String title = nfc(d.title());
        String body = nfc(d.body() == null ? "" : d.body());
        Document doc = new Document();
        doc.add(new StringField("id", d.id(), Field.Store.NO));
        doc.add(new StringField("ref", SearchDocument.itemRef(d.type(), d.key()), Field.Store.NO));
        doc.add(new StringField("type", d.type(), Field.Store.NO));
        doc.add(new StringField("lang", lang, Field.Store.NO));
        if (d.category() != null) {
            doc.add(new StringField("category", d.category(), Field.Store.NO));
        }
        doc.add(new BinaryDocValuesField(CARD, HitCard.encode(d.type(), d.key(), lang, d.slug(), title,
                d.summary() == null ? null : nfc(d.summary()))));
        doc.add(new TextField("title_" + lang, title, Field.Store.NO));
        doc.add(new Field("body_" + lang, body, TEXT_WITH_OFFSETS));
        doc.add(new BinaryDocValuesField(SnippetHighlighter.BODY_TEXT, new BytesRef(body)));
        String everything = title + "\n" + (d.summary() == null ? "" : nfc(d.summary())) + "\n" + body;
        doc.add(new Field("folded_" + lang, everything, SECONDARY_TEXT));
        if (d.language() == Language.RU) {
            doc.add(new Field("translit_ru", everything, SECONDARY_TEXT));
        }
        long visible = d.visibleFrom() == null ? 0 : d.visibleFrom().toEpochMilli();
        doc.add(new LongPoint("visible_from", visible));
        doc.add(new NumericDocValuesField("visible_from", visible));
        return doc;
    }

    /**
     * Runs a search: the words in the title count most, documents with all the words come before those with some,
     * only what is public at {@code now} is found.
     */
    public SearchResults search(SearchQuery request, String text, Instant now) {
        List<Language> languages = request.bothLanguages() ? List.of(request.language(), request.language().other())
                : List.of(request.language());
        Words words = wordsQuery(nfc(text), languages);
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
                        new CappedCount(COUNT_LIMIT + 1));
                // Snippets come from the body: highlighting needs only the words in the body fields; the other
                // fields and the filters would add nothing to it but work.
                List<SearchHit> hits = hits(searcher, snippetQuery(nfc(text), languages), top, first, languages);
                String suggestion = everyWordFound ? null : suggestion(searcher, text, request.language());
                return new SearchResults(Math.min(total, COUNT_LIMIT), total <= COUNT_LIMIT, hits, suggestion);
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
        ScoreDoc[] both = java.util.Arrays.copyOf(first, first.length + second.length);
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
        ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs, first, top.scoreDocs.length);
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
            BinaryDocValues cards = DocValues.getBinary(leaf.reader(), CARD);
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

    /**
     * The query with each word that the index does not know, in any form, replaced by the closest word it does
     * know; null when every word is known or nothing close is found. Candidates come from the unstemmed field
     * first (real words), then from the stemmed one (for inflected forms too far from any whole word).
     */
    private String suggestion(IndexSearcher searcher, String text, Language language) throws IOException {
        String folded = "folded_" + language.code();
        String stemmed = "body_" + language.code();
        List<String> words = analyze(folded, text);
        if (words.isEmpty() || words.size() > 8) {
            return null;
        }
        var reader = searcher.getIndexReader();
        // Most slips are one letter off ("pasapotr", "агенство"): look one edit away first, which visits far fewer
        // words of the index, and two edits away only when that finds nothing.
        DirectSpellChecker oneEdit = new DirectSpellChecker();
        oneEdit.setMaxEdits(1);
        DirectSpellChecker twoEdits = new DirectSpellChecker();
        boolean changed = false;
        List<String> corrected = new ArrayList<>();
        for (String word : words) {
            String replacement = word;
            List<String> stems = analyze(stemmed, word);
            boolean known = reader.docFreq(new Term(folded, word)) > 0
                    || stems.isEmpty()
                    || reader.docFreq(new Term(stemmed, stems.get(0))) > 0
                    || reader.docFreq(new Term("title_" + language.code(), stems.get(0))) > 0;
            if (!known && word.length() >= 4) {
                String found = closest(oneEdit, reader, folded, word, stems.get(0), stemmed);
                if (found == null) {
                    found = closest(twoEdits, reader, folded, word, stems.get(0), stemmed);
                }
                if (found != null) {
                    replacement = found;
                    changed = true;
                }
            }
            corrected.add(replacement);
        }
        return changed ? String.join(" ", corrected) : null;
    }

    /** The closest known word: first among whole words, then among stems; null when nothing is close enough. */
    private static String closest(DirectSpellChecker spellChecker, IndexReader reader,
                                  String folded, String word, String stem, String stemmed) throws IOException {
        SuggestWord[] suggestions = spellChecker.suggestSimilar(new Term(folded, word), 1, reader,
                SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        if (suggestions.length == 0) {
            suggestions = spellChecker.suggestSimilar(new Term(stemmed, stem), 1, reader,
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        }
        return suggestions.length == 0 ? null : suggestions[0].string;
    }

    private List<String> analyze(String field, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    /** How many documents the index holds. */
    public int documentCount() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the index is open and a searcher can be had. */
    public boolean isUp() {
        if (!writer.isOpen()) {
            return false;
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            searchers.release(searcher);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            log.warn("The search index did not close cleanly: {}", e.getMessage());
        } finally {
            writeLock.unlock();
        }
    }

    static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
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

    /** Offsets in the postings: the highlighter finds the matched words without analysing the text again. */
    private static FieldType textWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    /**
     * The diacritic-folded and transliterated fields only widen the net under the title and body: length
     * normalisation adds nothing to their small weight, so they keep no norms (one lookup less per word and hit).
     */
    private static FieldType secondaryText() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    /** Reader for tests and tools: is this exact id in the index? */
    boolean contains(String id) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            return reader.docFreq(new Term("id", id)) > 0;
        }
    }

    /** Counts matching documents without scoring them, and stops at the limit. */
    private static final class CappedCount implements CollectorManager<CappedCount.Counter, Long> {

        private final int limit;

        CappedCount(int limit) {
            this.limit = limit;
        }

        @Override
        public Counter newCollector() {
            return new Counter();
        }

        @Override
        public Long reduce(Collection<Counter> counters) {
            return counters.stream().mapToLong(c -> c.count).sum();
        }

        private final class Counter implements Collector {
            private long count;

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) {
                if (count >= limit) {
                    throw new CollectionTerminatedException();
                }
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) {
                    }

                    @Override
                    public void collect(int doc) {
                        if (++count >= limit) {
                            throw new CollectionTerminatedException();
                        }
                    }
                };
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }
    }
}
