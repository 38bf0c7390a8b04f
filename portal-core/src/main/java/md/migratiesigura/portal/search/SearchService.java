package md.migratiesigura.portal.search;

import java.time.Clock;

/**
 * Full-text search for readers. Whatever is typed gets results or a clear refusal ({@link InvalidQueryException}:
 * too long, too many words), never an error; nothing typed is logged or stored.
 */
public class SearchService {

    public static final int MAX_LENGTH = 200;
    public static final int MAX_WORDS = 24;

    private final SearchIndex index;
    private final Runnable countSearch;
    private final Clock clock;

    /**
     * @param countSearch called once per search that runs (the monthly count for the report; see SearchCounter)
     */
    public SearchService(SearchIndex index, Runnable countSearch, Clock clock) {
        this.index = index;
        this.countSearch = countSearch;
        this.clock = clock;
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
        countSearch.run();
        String clean = text.replaceAll("[\\p{Cntrl}\\u200b-\\u200f\\u202a-\\u202e\\u2066-\\u2069\\ufeff]", " ");
        return index.search(query, clean, clock.instant());
    }
}
