package md.migratiesigura.portal.search;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Full-text search for readers. Whatever is typed gets results or a clear refusal ({@link InvalidQueryException}:
 * too long, too many words), never an error; nothing typed is logged or stored.
 * <p>
 * A search is pure CPU work, so only a few run at once (one more than the processors), on threads of their own,
 * and the others wait their turn in arrival order: sixteen searches sharing two cores would each take eight times
 * as long, and the slowest queries longer still, while in turn each waits about as long as the others take. A
 * search thread that finishes takes the next waiting search at once; handing a turn from one request thread to the
 * next instead left it unused until the woken thread got a core, which under load took long (measured with 16
 * clients on 2 cores: while searches waited, fewer than the allowed number ran three quarters of the time). When
 * too many are already waiting, or the turn does not come within {@link #MAX_WAIT}, the search is refused with
 * {@link SearchBusyException} (a "try again" page, status 503) instead of piling up work.
 */
public class SearchService {

    public static final int MAX_LENGTH = 200;
    public static final int MAX_WORDS = 24;

    /** How long a search may wait for its turn. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(3);
    /** How many searches may wait for their turn at once. */
    static final int MAX_WAITING = 128;

    private final SearchIndex index;
    private final Runnable countSearch;
    private final Clock clock;
    private final ThreadPoolExecutor runners;
    private final int maxWaiting;
    private final Duration maxWait;
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * @param countSearch called once per search that runs (the monthly count for the report; see SearchCounter)
     */
    public SearchService(SearchIndex index, Runnable countSearch, Clock clock) {
        this(index, countSearch, clock, Runtime.getRuntime().availableProcessors() + 1, MAX_WAITING, MAX_WAIT);
    }

    SearchService(SearchIndex index, Runnable countSearch, Clock clock, int atOnce, int maxWaiting, Duration maxWait) {
        this.index = index;
        this.countSearch = countSearch;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        // Idle search threads end after a while: a service that is not searching holds none.
        this.runners = new ThreadPoolExecutor(atOnce, atOnce, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, "search-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        runners.allowCoreThreadTimeOut(true);
        this.maxWaiting = maxWaiting;
        this.maxWait = maxWait;
    }

    /**
     * Searches published items.
     *
     * @throws InvalidQueryException when the text is longer than {@value #MAX_LENGTH} characters or has more than
     *                               {@value #MAX_WORDS} words
     */
    public SearchResults search(SearchQuery query) {
        String text = query.text() == null ? "" : query.text().strip();
        if (text.isEmpty()) {
            return SearchResults.empty();
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidQueryException(InvalidQueryException.Reason.TOO_LONG,
                    "the query is longer than " + MAX_LENGTH + " characters");
        }
        if (text.split("\\s+").length > MAX_WORDS) {
            throw new InvalidQueryException(InvalidQueryException.Reason.TOO_MANY_WORDS,
                    "the query has more than " + MAX_WORDS + " words");
        }
        // Control characters (NUL, direction overrides) carry no meaning for search: they separate words.
        String clean = text.replaceAll("[\\p{Cntrl}\\u200b-\\u200f\\u202a-\\u202e\\u2066-\\u2069\\ufeff]", " ");
        return inTurn(() -> {
            countSearch.run();
            return index.search(query, clean, clock.instant());
        });
    }

    /**
     * Runs the search on a search thread, in arrival order, and waits for its answer; refuses it when too many wait
     * or it has not started within the allowed wait. A search that has started is always waited for.
     */
    private SearchResults inTurn(Callable<SearchResults> search) {
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            throw new SearchBusyException("more than " + maxWaiting + " searches are waiting");
        }
        Turn turn = new Turn(search);
        runners.execute(turn);
        boolean interrupted = false;
        try {
            try {
                return turn.get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | InterruptedException e) {
                interrupted = e instanceof InterruptedException;
                if (turn.giveUp()) {
                    runners.remove(turn);
                    throw new SearchBusyException(interrupted ? "interrupted while waiting for a turn"
                            : "no turn within " + maxWait.toMillis() + " ms");
                }
            }
            while (true) {
                try {
                    return turn.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One search waiting for, or having, its turn; either it starts or the reader gives up on it, never both. */
    private final class Turn extends FutureTask<SearchResults> {

        private final AtomicBoolean claimed = new AtomicBoolean();

        Turn(Callable<SearchResults> search) {
            super(search);
        }

        @Override
        public void run() {
            if (claimed.compareAndSet(false, true)) {
                waiting.decrementAndGet();
                super.run();
            }
        }

        /** True when the search had not started and now never will. */
        boolean giveUp() {
            if (claimed.compareAndSet(false, true)) {
                waiting.decrementAndGet();
                return true;
            }
            return false;
        }
    }
}
