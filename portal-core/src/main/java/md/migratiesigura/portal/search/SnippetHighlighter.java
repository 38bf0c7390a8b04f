package md.migratiesigura.portal.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Snippets of the body for a page of hits: passages of about a sentence (phone screens), matched words in
 * {@code <mark>}, the rest HTML-escaped. Offsets come from the postings, and the text from the {@value #BODY_TEXT}
 * doc value: loading it as a stored field would decompress a whole block of the index for each hit.
 */
final class SnippetHighlighter extends UnifiedHighlighter {

    /** The doc value holding each document's body text, whichever its language. */
    static final String BODY_TEXT = "body_text";

    SnippetHighlighter(IndexSearcher searcher, Analyzer analyzer) {
        super(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new ListItemFormatter())
                .withMaxLength(100_000)
                .withScorer(new LeanPassageScorer())
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(new SentenceBreakIterator(), 120, 0.5f)));
    }

    /** Every highlighted field is a body field, so each asks for the same text. */
    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
            throws IOException {
        List<CharSequence[]> values = new ArrayList<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        BinaryDocValues bodies = null;
        // The documents come in increasing order: one doc-values iterator per segment serves them all.
        for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                bodies = DocValues.getBinary(leaf.reader(), BODY_TEXT);
            }
            String body = bodies.advanceExact(doc - leaf.docBase) ? bodies.binaryValue().utf8ToString() : "";
            CharSequence[] perField = new CharSequence[fields.length];
            java.util.Arrays.fill(perField, body);
            values.add(perField);
        }
        return values;
    }

    /**
     * Matched words in {@code <mark>}, the rest escaped, passages joined by "… ". A passage that begins a list item
     * begins at the item's text: the plain text of a body keeps Markdown's "- " before each item, which after an
     * ellipsis reads as a stray dash ("… - Durata contractului").
     */
    private static final class ListItemFormatter extends DefaultPassageFormatter {

        ListItemFormatter() {
            super("<mark>", "</mark>", "… ", true);
        }

        @Override
        public String format(Passage[] passages, String content) {
            int previousEnd = -1;
            for (Passage passage : passages) {
                int start = passage.getStartOffset();
                // Only where the snippet starts or resumes after "… ": a marker inside running text stays.
                if (start != previousEnd && isItemMarker(content, start) && start + 2 < passage.getEndOffset()) {
                    passage.setStartOffset(start + 2);
                }
                previousEnd = passage.getEndOffset();
            }
            return super.format(passages, content);
        }

        private static boolean isItemMarker(String content, int at) {
            return at + 1 < content.length() && "-*+".indexOf(content.charAt(at)) >= 0 && content.charAt(at + 1) == ' ';
        }
    }

    /** The body text of a document (global doc id), or "" when it has none. */
    static String bodyText(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues bodies = DocValues.getBinary(leaf.reader(), BODY_TEXT);
        return bodies.advanceExact(doc - leaf.docBase) ? bodies.binaryValue().utf8ToString() : "";
    }
}
