package md.migratiesigura.portal.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import org.junit.jupiter.api.Test;

/** Sentence boundaries as the snippet highlighter asks for them, and the {@link BreakIterator} contract. */
class SentenceBreakIteratorTest {

    private static final String TEXT = "Nu da pașaportul. Salariul e 3.5 mii lei? Vezi www.gov.md!\nÎntreabă „linia fierbinte”.";

    @Test
    void breaksAfterSentenceEndsAndLinesButNotInsideNumbersOrAddresses() {
        int[] boundaries = SentenceBreakIterator.boundaries(TEXT);
        assertArrayEquals(new int[] {0, 18, 42, 59, TEXT.length()}, boundaries);
        assertEquals("Salariul e 3.5 mii lei? ", TEXT.substring(18, 42));
        assertEquals("Vezi www.gov.md!\n", TEXT.substring(42, 59));
    }

    @Test
    void closingQuotesStayWithTheirSentence() {
        String text = "El a spus „pleacă.” Apoi a tăcut.";
        assertArrayEquals(new int[] {0, 20, text.length()}, SentenceBreakIterator.boundaries(text));
    }

    @Test
    void everySentenceEndingIsFoundWhereverItStands() {
        // An ellipsis, "?!", blank lines and a line break in the space after a full stop (one boundary each, after
        // the space), a full stop with no space after it (none), one at the very end (the end itself).
        String text = "Așteaptă… Unde?! Aici.\n\nRând nou. \n Apoi.Fără spațiu. Gata.";
        assertArrayEquals(new int[] {0, 10, 17, 24, 36, 54, text.length()}, SentenceBreakIterator.boundaries(text));
        assertEquals("Rând nou. \n ", text.substring(24, 36));
        assertEquals("Apoi.Fără spațiu. ", text.substring(36, 54));
        // Line breaks with no full stop before them: each one ends a line of its own.
        assertArrayEquals(new int[] {0, 6, 7, 12}, SentenceBreakIterator.boundaries("Titlu\n\nText."));
    }

    @Test
    void theNumberThatBeginsALineStaysWithItsSentence() {
        // Numbered headings and list items: "2." is not a sentence of its own, nor the end of the one before.
        String text = "Nu pleca fără contract.\n2. Printr-o agenție licențiată.\n10. Ultimul pas.";
        assertArrayEquals(new int[] {0, 24, 56, text.length()}, SentenceBreakIterator.boundaries(text));
        assertEquals("2. Printr-o agenție licențiată.\n", text.substring(24, 56));
        assertEquals("10. Ultimul pas.", text.substring(56));
    }

    @Test
    void emptyTextHasOneBoundary() {
        BreakIterator iterator = new SentenceBreakIterator();
        iterator.setText("");
        assertEquals(0, iterator.first());
        assertEquals(BreakIterator.DONE, iterator.next());
        assertEquals(0, iterator.last());
    }

    @Test
    void followsTheBreakIteratorContract() {
        BreakIterator iterator = new SentenceBreakIterator();
        iterator.setText(new StringCharacterIterator(TEXT));
        assertEquals(0, iterator.first());
        assertEquals(18, iterator.next());
        assertEquals(42, iterator.next());
        assertEquals(18, iterator.previous());
        assertEquals(18, iterator.current());
        assertEquals(59, iterator.following(42));
        assertEquals(42, iterator.following(20));
        assertEquals(18, iterator.preceding(42));
        assertEquals(18, iterator.preceding(20));
        assertEquals(BreakIterator.DONE, iterator.preceding(0));
        assertEquals(BreakIterator.DONE, iterator.following(TEXT.length()));
        assertEquals(TEXT.length(), iterator.last());
        assertEquals(BreakIterator.DONE, iterator.next());
        assertEquals(42, iterator.next(-2));
        assertTrue(iterator.isBoundary(18));
        assertFalse(iterator.isBoundary(19));
        assertEquals(42, iterator.current());
        assertThrows(IllegalArgumentException.class, () -> iterator.following(TEXT.length() + 1));
        assertEquals(TEXT, textOf(iterator));
    }

    private static String textOf(BreakIterator iterator) {
        StringBuilder sb = new StringBuilder();
        var chars = iterator.getText();
        for (char c = chars.first(); c != StringCharacterIterator.DONE; c = chars.next()) {
            sb.append(c);
        }
        return sb.toString();
    }
}
