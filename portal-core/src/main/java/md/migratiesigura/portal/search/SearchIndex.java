package md.migratiesigura.portal.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import md.migratiesigura.portal.config.ConfigException;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index under the data directory: one {@link IndexWriter} and one {@link SearcherManager} for the life
 * of the portal. An index that cannot be opened (corrupt, or from another Lucene version) is rebuilt from scratch:
 * the database is the source of truth.
 */
public final class SearchIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private SearchIndex(Directory directory, IndexWriter writer, SearcherManager searchers) {
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
    }

    public static SearchIndex open(Path dir) {
        try {
            Files.createDirectories(dir);
            Directory directory = FSDirectory.open(dir);
            IndexWriter writer;
            try {
                writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
                log.warn("The search index in {} cannot be read ({}); rebuilding it", dir, e.getClass().getSimpleName());
                writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE));
            }
            writer.commit();
            return new SearchIndex(directory, writer, new SearcherManager(writer, null));
        } catch (LockObtainFailedException e) {
            throw new ConfigException("PORTAL_DATA_DIR", "the search index in " + dir
                    + " is in use by another running portal", e);
        } catch (IOException e) {
            throw new ConfigException("PORTAL_DATA_DIR", "cannot open the search index in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(new StandardAnalyzer()).setOpenMode(mode);
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
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            log.warn("The search index did not close cleanly: {}", e.getMessage());
        }
    }
}
