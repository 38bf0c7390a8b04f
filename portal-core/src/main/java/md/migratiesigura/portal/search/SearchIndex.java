package md.migratiesigura.portal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import md.migratiesigura.portal.config.ConfigException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index under the data directory: one {@link IndexWriter} and one {@link SearcherManager} for the life
 * of the portal. Each commit records the analyzer version and the position in the database's change outbox up to
 * which it is complete, so a crash at any moment leaves an index that knows where to resume; an index that cannot
 * be read or was built by other analyzers is rebuilt from the database, the source of truth.
 *
 * <p>This class owns the index's life and its writes; the documents' layout is {@link IndexDocuments}, a rebuild's
 * parallel filling {@link IndexRebuilder}, and searching {@link IndexQueries}.
 */
public final class SearchIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    static final String POSITION = "outbox_position";
    static final String ANALYZERS = "analyzers";
    /** Under this key each commit records {@link IndexDocuments#LAYOUT}. */
    static final String LAYOUT_KEY = "layout";
    /**
     * Matches are counted up to this many (then reported as "more than"), like the search engines people know: a
     * reader never pages that far, and counting every match of a common word would cost more than finding the best.
     */
    public static final int COUNT_LIMIT = 1000;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final IndexQueries queries;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile boolean rebuildNeeded;
    private volatile EquivalentWords equivalentWords = EquivalentWords.NONE;

    private SearchIndex(Directory directory, IndexWriter writer, Analyzer analyzer, boolean rebuildNeeded)
            throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.queries = new IndexQueries(searchers, analyzer, () -> equivalentWords);
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
                rebuild = !PortalAnalyzers.VERSION.equals(data.get(ANALYZERS))
                        || !IndexDocuments.LAYOUT.equals(data.get(LAYOUT_KEY));
                if (rebuild && data.containsKey(ANALYZERS)) {
                    log.info("The search index was built by analyzers version {}, layout {}; rebuilding it with "
                                    + "analyzers version {}, layout {}", data.get(ANALYZERS), data.get(LAYOUT_KEY),
                            PortalAnalyzers.VERSION, IndexDocuments.LAYOUT);
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
                writer.addDocument(IndexDocuments.toLucene(d));
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
                    LAYOUT_KEY, IndexDocuments.LAYOUT).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Empties the index and fills it from the sources ({@link IndexRebuilder}), then commits at the given outbox
     * position.
     */
    public int rebuild(List<SearchSource> sources, long position) {
        writeLock.lock();
        try {
            long started = System.nanoTime();
            int count = IndexRebuilder.refill(writer, sources);
            commit(position);
            rebuildNeeded = false;
            log.info("Search index rebuilt: {} document(s) in {} ms", count, (System.nanoTime() - started) / 1_000_000);
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs a search: the words in the title count most, documents with all the words come before those with some,
     * only what is public at {@code now} is found.
     */
    public SearchResults search(SearchQuery request, String text, Instant now) {
        return queries.search(request, text, now);
    }

    /**
     * Replaces the equivalent-word lists that searches use: the next search reads them, nothing is rebuilt (the
     * lists apply to what readers type, not to the index).
     */
    public void useEquivalentWords(EquivalentWords lists) {
        this.equivalentWords = lists;
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

    /** Reader for tests and tools: is this exact id in the index? */
    boolean contains(String id) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            return reader.docFreq(new Term("id", id)) > 0;
        }
    }

}
