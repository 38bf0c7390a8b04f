package md.migratiesigura.portal.search;

import java.io.Serializable;
import java.util.List;

/**
 * The answer to a search: a page of hits, how many there are in all, and a corrected query when a word looks
 * misspelled (null otherwise).
 */
public record SearchResults(long total, List<SearchHit> hits, String suggestion) implements Serializable {

    public SearchResults {
        hits = List.copyOf(hits);
    }

    public static SearchResults empty() {
        return new SearchResults(0, List.of(), null);
    }
}
