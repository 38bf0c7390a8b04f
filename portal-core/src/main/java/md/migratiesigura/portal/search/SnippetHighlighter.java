package md.migratiesigura.portal.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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
                .withFormatter(new SnippetFormatter())
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
            Arrays.fill(perField, body);
            values.add(perField);
        }
        return values;
    }

    /**
     * Matched words in {@code <mark>}, the rest escaped, passages joined by "… ". The plain text of a body keeps its
     * line breaks and Markdown's "- " before list items; in HTML a line break is only a space, so a heading ran into
     * the sentence under it and a dash stood alone ("… - Durata contractului"). A line break inside a snippet is
     * shown as " · ", and the list marker after it, or where the snippet starts or resumes after "… ", is left out.
     */
    private static final class SnippetFormatter extends DefaultPassageFormatter {

        private static final String ELLIPSIS = "… ";

        SnippetFormatter() {
            super("<mark>", "</mark>", ELLIPSIS, true);
        }

        @Override
        public String format(Passage[] passages, String content) {
            return tidy(super.format(passages, content));
        }

        /** One pass over the formatted snippet: three regular expressions instead cost some 15 % more CPU a search. */
        private static String tidy(String snippet) {
            int length = snippet.length();
            StringBuilder out = new StringBuilder(length + 16);
            int i = afterMarker(snippet, 0);
            while (i < length) {
                char c = snippet.charAt(i);
                if (c == '…' && snippet.startsWith(ELLIPSIS, i)) {
                    out.append(ELLIPSIS);
                    i = afterMarker(snippet, i + ELLIPSIS.length());
                } else if (Character.isWhitespace(c)) {
                    int end = i;
                    boolean lineBreak = false;
                    while (end < length && Character.isWhitespace(snippet.charAt(end))) {
                        lineBreak |= snippet.charAt(end) == '\n';
                        end++;
                    }
                    if (!lineBreak) {
                        out.append(snippet, i, end);
                        i = end;
                    } else if (end == length || snippet.startsWith(ELLIPSIS, end)) {
                        // The break ended a passage: it separates nothing.
                        if (end < length) {
                            out.append(' ');
                        }
                        i = end;
                    } else {
                        out.append(" · ");
                        i = afterMarker(snippet, end);
                    }
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        /** The position after the list marker ("- ", "* ", "+ ") at {@code at}, or {@code at} when there is none. */
        private static int afterMarker(String snippet, int at) {
            boolean marker = at + 1 < snippet.length() && "-*+".indexOf(snippet.charAt(at)) >= 0
                    && snippet.charAt(at + 1) == ' ';
            return marker ? at + 2 : at;
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
