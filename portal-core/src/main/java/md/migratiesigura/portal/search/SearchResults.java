package md.migratiesigura.portal.search;

import java.io.Serializable;
import java.util.List;

/**
 * The answer to a search: a page of hits, how many there are in all, and a corrected query when a word looks
 * misspelled (null otherwise). Matches are counted up to {@link SearchIndex#COUNT_LIMIT}: when there are more,
 * {@code total} is that limit and {@code totalExact} is false ("more than 1,000 results").
 */
public record SearchResults(long total, boolean totalExact, List<SearchHit> hits, String suggestion)
        implements Serializable {

    public SearchResults {
        hits = List.copyOf(hits);
    }

    public static SearchResults empty() {
        return new SearchResults(0, true, List.of(), null);
    }
}
