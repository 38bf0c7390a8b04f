package md.migratiesigura.portal.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score (BM25 over the passage, favouring passages near the start) without its cost: the default
 * counts each passage's terms in a new {@code BytesRefHash}, a 32 KB block per candidate passage, which made
 * highlighting the largest allocator of a search. A passage holds a handful of matches, so two small loops count
 * them instead; the formula and thus the chosen snippets are the same.
 */
final class LeanPassageScorer extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        double score = 0;
        for (int i = 0; i < matches; i++) {
            if (seenBefore(terms, i)) {
                continue;
            }
            int freqInPassage = 1;
            for (int j = i + 1; j < matches; j++) {
                if (terms[j].bytesEquals(terms[i])) {
                    freqInPassage++;
                }
            }
            score += tf(freqInPassage, passage.getLength()) * weight(contentLength, freqsInDoc[i]);
        }
        return (float) (score * norm(passage.getStartOffset()));
    }

    private static boolean seenBefore(BytesRef[] terms, int index) {
        for (int j = 0; j < index; j++) {
            if (terms[j].bytesEquals(terms[index])) {
                return true;
            }
        }
        return false;
    }
}
