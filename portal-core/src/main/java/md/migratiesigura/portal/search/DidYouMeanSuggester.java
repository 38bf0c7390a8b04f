package md.migratiesigura.portal.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import md.migratiesigura.portal.common.Language;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * The "did you mean" of a search in which no document has every word: the known words closest to those typed.
 */
final class DidYouMeanSuggester {

    private final Analyzer analyzer;

    DidYouMeanSuggester(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * The query with each word that the index does not know, in any form, replaced by the closest word it does
     * know; null when every word is known or nothing close is found. Candidates come from the unstemmed field
     * first (real words), then from the stemmed one (for inflected forms too far from any whole word).
     */
    String suggestion(IndexSearcher searcher, String text, Language language, EquivalentWords lists) throws IOException {
        String folded = "folded_" + language.code();
        String stemmed = "body_" + language.code();
        List<String> words = analyze(folded, text);
        if (words.isEmpty() || words.size() > 8) {
            return null;
        }
        var reader = searcher.getIndexReader();
        // Most slips are one letter off ("pasapotr", "агенство"): look one edit away first, which visits far fewer
        // words of the index, and two edits away only when that finds nothing.
        DirectSpellChecker oneEdit = new DirectSpellChecker();
        oneEdit.setMaxEdits(1);
        DirectSpellChecker twoEdits = new DirectSpellChecker();
        boolean changed = false;
        List<String> corrected = new ArrayList<>();
        for (String word : words) {
            String replacement = word;
            List<String> stems = analyze(stemmed, word);
            boolean known = lists.knows(language, word)
                    || reader.docFreq(new Term(folded, word)) > 0
                    || stems.isEmpty()
                    || reader.docFreq(new Term(stemmed, stems.get(0))) > 0
                    || reader.docFreq(new Term("title_" + language.code(), stems.get(0))) > 0;
            if (!known && word.length() >= 4) {
                // The editors' words first: a word they added is one readers type.
                String found = closestListed(lists.words(language), word, 1);
                if (found == null) {
                    found = closest(oneEdit, reader, folded, word, stems.get(0), stemmed);
                }
                if (found == null) {
                    found = closestListed(lists.words(language), word, 2);
                }
                if (found == null) {
                    found = closest(twoEdits, reader, folded, word, stems.get(0), stemmed);
                }
                if (found != null) {
                    replacement = found;
                    changed = true;
                }
            }
            corrected.add(replacement);
        }
        return changed ? String.join(" ", corrected) : null;
    }

    /** The closest known word: first among whole words, then among stems; null when nothing is close enough. */
    private static String closest(DirectSpellChecker spellChecker, IndexReader reader,
                                  String folded, String word, String stem, String stemmed) throws IOException {
        SuggestWord[] suggestions = spellChecker.suggestSimilar(new Term(folded, word), 1, reader,
                SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        if (suggestions.length == 0) {
            suggestions = spellChecker.suggestSimilar(new Term(stemmed, stem), 1, reader,
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        }
        return suggestions.length == 0 ? null : suggestions[0].string;
    }

    /** The word of the equivalent-word list at most {@code maxEdits} away (the first such, alphabetically). */
    private static String closestListed(Set<String> listed, String word, int maxEdits) {
        String best = null;
        for (String candidate : listed) {
            if (Math.abs(candidate.length() - word.length()) <= maxEdits && candidate.indexOf(' ') < 0
                    && editDistance(candidate, word, maxEdits) <= maxEdits
                    && (best == null || candidate.compareTo(best) < 0)) {
                best = candidate;
            }
        }
        return best;
    }

    /** Damerau–Levenshtein distance (adjacent swaps count one), or more than {@code max} when it exceeds it. */
    static int editDistance(String a, String b, int max) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
        }
        return d[a.length()][b.length()];
    }

    private List<String> analyze(String field, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
