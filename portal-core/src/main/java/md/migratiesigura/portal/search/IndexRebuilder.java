package md.migratiesigura.portal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import md.migratiesigura.portal.common.BackgroundThreads;
import org.apache.lucene.index.IndexWriter;

/**
 * Fills an emptied index from the sources, for {@link SearchIndex#rebuild}. The sources are read on the calling
 * thread while other threads analyse what was read, so that reading the database and analysing text overlap; at
 * most {@value #IN_FLIGHT} documents wait in between.
 */
final class IndexRebuilder {

    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    static final int IN_FLIGHT = 256;

    private IndexRebuilder() {
    }

    /** Deletes everything the writer holds and adds every document of the sources; returns how many, uncommitted. */
    static int refill(IndexWriter writer, List<SearchSource> sources) throws IOException {
        ExecutorService analysers = Executors.newFixedThreadPool(THREADS, BackgroundThreads.daemon("search-rebuild"));
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        try {
            writer.deleteAll();
            AtomicInteger count = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            for (SearchSource source : sources) {
                source.forEach(d -> {
                    throwIfFailed(failure);
                    inFlight.acquireUninterruptibly();
                    analysers.execute(() -> {
                        try {
                            writer.addDocument(IndexDocuments.toLucene(d));
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
            return count.get();
        } finally {
            awaitAnalysers(analysers, inFlight);
        }
    }

    /**
     * Lets the analysers finish what they hold, even after a failure: interrupting a thread inside the IndexWriter
     * would close the writer for good.
     */
    private static void awaitAnalysers(ExecutorService analysers, Semaphore inFlight) {
        if (!analysers.isShutdown()) {
            analysers.shutdown();
            inFlight.acquireUninterruptibly(IN_FLIGHT);
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
}
