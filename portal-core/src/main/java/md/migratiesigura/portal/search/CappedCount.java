package md.migratiesigura.portal.search;

import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/** Counts matching documents without scoring them, and stops at the limit. */
final class CappedCount implements CollectorManager<CappedCount.Counter, Long> {

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

    final class Counter implements Collector {
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
