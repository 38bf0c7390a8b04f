package md.migratiesigura.portal.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** What a search may find besides its words: public now, of the requested type and category ({@link IndexQueries}). */
final class SearchFilters {

    private SearchFilters() {
    }

    /** The words, minus what {@code excluded} matches (may be null), within the filters. */
    static Query filtered(Query words, Query excluded, List<BooleanClause> filters) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(words, Occur.MUST);
        if (excluded != null) {
            query.add(excluded, Occur.MUST_NOT);
        }
        filters.forEach(query::add);
        return query.build();
    }

    /**
     * What is public at {@code now}, of the requested type and category. No filter on the language: every text field
     * is one language's ({@code title_ro}, {@code body_ru}, ...), so the words query finds only the requested
     * languages' documents. What is not public yet is excluded rather than what is public kept: a filter that keeps
     * nearly every document cost a third of each search (measured on the benchmark's index), an exclusion of the few
     * scheduled ones next to nothing, and it is left out while nothing in the index is scheduled for later.
     */
    static List<BooleanClause> of(SearchQuery request, Instant now, IndexReader reader) throws IOException {
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
}
