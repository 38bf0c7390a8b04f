package md.migratiesigura.portal.search;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Full-text search for readers. Whatever is typed gets results or a clear refusal ({@link InvalidQueryException}:
 * too long, too many words), never an error; nothing typed is logged or stored.
 * <p>
 * A search is pure CPU work, so only a few run at once (one more than the processors) and the others wait their
 * turn in arrival order: sixteen searches sharing two cores would each take eight times as long, and the slowest
 * queries longer still, while in turn each waits about as long as the others take. When too many are already
 * waiting, or the turn does not come within {@link #MAX_WAIT}, the search is refused with
 * {@link SearchBusyException} (a "try again" page, status 503) instead of piling up threads.
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
    private final Semaphore turns;
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
        this.turns = new Semaphore(atOnce, true);
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
        awaitTurn();
        try {
            countSearch.run();
            return index.search(query, clean, clock.instant());
        } finally {
            turns.release();
        }
    }

    /** Waits, in arrival order, until fewer than the allowed number of searches run. */
    private void awaitTurn() {
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            throw new SearchBusyException("more than " + maxWaiting + " searches are waiting");
        }
        try {
            if (!turns.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new SearchBusyException("no turn within " + maxWait.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchBusyException("interrupted while waiting for a turn");
        } finally {
            waiting.decrementAndGet();
        }
    }
}
