package md.migratiesigura.portal.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * Sentence boundaries for snippets, found by one pass over the text: after a line break, and after {@code . ! ? …}
 * (with any closing quotes or brackets) when whitespace follows, so that "3.5", "www.gov.md" and "nr.5" stay whole,
 * but not after the number that begins a line: "2. Printr-o agenție" is one sentence.
 * <p>
 * The JDK's rule-based sentence iterator gives much the same passages for our texts but cost the highlighter most of
 * its time, walking back and forth over every matched sentence; this one finds all boundaries once per document and
 * then answers each question with a binary search.
 */
final class SentenceBreakIterator extends BreakIterator {

    /** The characters after which a sentence may end: a line break, or one of . ! ? … followed by whitespace. */
    private static final char[] ENDINGS = {'\n', '.', '!', '?', '…'};

    private String text = "";
    private int[] boundaries = {0};
    private int current;

    @Override
    public void setText(String newText) {
        text = newText;
        boundaries = boundaries(newText);
        current = 0;
    }

    @Override
    public void setText(CharacterIterator iterator) {
        StringBuilder sb = new StringBuilder(iterator.getEndIndex() - iterator.getBeginIndex());
        for (char c = iterator.first(); c != CharacterIterator.DONE; c = iterator.next()) {
            sb.append(c);
        }
        setText(sb.toString());
    }

    @Override
    public CharacterIterator getText() {
        return new StringCharacterIterator(text);
    }

    static int[] boundaries(String text) {
        int length = text.length();
        int[] found = new int[16];
        int count = 0;
        found[count++] = 0;
        // Only the characters that can end a sentence are looked at, found by String.indexOf (vectorised): a loop
        // over every character took a quarter of a snippet's time; this takes half as long (6 instead of 12 µs for a
        // body of 3,500 characters, on the 2-core benchmark machine, 2026-11-30).
        int[] next = new int[ENDINGS.length];
        Arrays.fill(next, -1);
        for (int i = nextEnding(text, 0, next); i < length; i = nextEnding(text, i + 1, next)) {
            char c = text.charAt(i);
            int end;
            if (c == '\n') {
                end = i + 1;
            } else if (c == '.' && isLineNumber(text, i)) {
                continue;
            } else {
                end = i + 1;
                while (end < length && isCloser(text.charAt(end))) {
                    end++;
                }
                if (end < length && !Character.isWhitespace(text.charAt(end))) {
                    continue;
                }
                while (end < length && Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
            }
            if (end < length && end > found[count - 1]) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = end;
            }
            i = Math.max(i, end - 1);
        }
        if (length > 0) {
            if (count == found.length) {
                found = Arrays.copyOf(found, count + 1);
            }
            found[count++] = length;
        }
        return Arrays.copyOf(found, count);
    }

    /**
     * The first position at or after {@code from} that holds one of {@link #ENDINGS}, or the text's length.
     * {@code next} remembers, per character, where it occurs next (-1: not looked for yet; the length: nowhere), so
     * each is searched for again only once passed.
     */
    private static int nextEnding(String text, int from, int[] next) {
        int nearest = text.length();
        for (int k = 0; k < ENDINGS.length; k++) {
            if (next[k] < from) {
                int at = text.indexOf(ENDINGS[k], from);
                next[k] = at < 0 ? text.length() : at;
            }
            nearest = Math.min(nearest, next[k]);
        }
        return nearest;
    }

    /**
     * Whether the full stop at {@code dot} ends the number that begins its line, as in a numbered heading or list
     * item ("2. Printr-o agenție"): that number belongs to the sentence after it, not to the one before.
     */
    private static boolean isLineNumber(String text, int dot) {
        int start = dot;
        while (start > 0 && dot - start < 3 && Character.isDigit(text.charAt(start - 1))) {
            start--;
        }
        return start < dot && (start == 0 || text.charAt(start - 1) == '\n');
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '»' || c == '”' || c == '’';
    }

    @Override
    public int first() {
        current = 0;
        return boundaries[current];
    }

    @Override
    public int last() {
        current = boundaries.length - 1;
        return boundaries[current];
    }

    @Override
    public int current() {
        return boundaries[current];
    }

    @Override
    public int next() {
        if (current >= boundaries.length - 1) {
            current = boundaries.length - 1;
            return DONE;
        }
        return boundaries[++current];
    }

    @Override
    public int next(int n) {
        int target = current + n;
        if (target < 0 || target >= boundaries.length) {
            current = target < 0 ? 0 : boundaries.length - 1;
            return DONE;
        }
        current = target;
        return boundaries[current];
    }

    @Override
    public int previous() {
        if (current == 0) {
            return DONE;
        }
        return boundaries[--current];
    }

    @Override
    public int following(int offset) {
        checkOffset(offset);
        int at = Arrays.binarySearch(boundaries, offset);
        int next = at >= 0 ? at + 1 : -at - 1;
        if (next >= boundaries.length) {
            current = boundaries.length - 1;
            return DONE;
        }
        current = next;
        return boundaries[current];
    }

    @Override
    public int preceding(int offset) {
        checkOffset(offset);
        int at = Arrays.binarySearch(boundaries, offset);
        int previous = (at >= 0 ? at : -at - 1) - 1;
        if (previous < 0) {
            current = 0;
            return DONE;
        }
        current = previous;
        return boundaries[current];
    }

    @Override
    public boolean isBoundary(int offset) {
        checkOffset(offset);
        int at = Arrays.binarySearch(boundaries, offset);
        if (at >= 0) {
            current = at;
            return true;
        }
        following(offset);
        return false;
    }

    private void checkOffset(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException("offset " + offset + " outside 0.." + text.length());
        }
    }
}
