package md.migratiesigura.portal.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {

    @Test
    void romanianTitleLosesItsDiacritics() {
        assertEquals("cum-verifici-o-oferta-de-munca", Slugs.slugify("Cum verifici o ofertă de muncă"));
    }

    @Test
    void everyRomanianDiacriticIsFolded() {
        assertEquals("s-t-a-a-i", Slugs.slugify("Ș ț ă â î"));
        assertEquals("s-t-a-a-i", Slugs.slugify("ș Ț Ă Â Î"));
        assertEquals("s-t", Slugs.slugify("Ş ţ"), "the old cedilla spellings too");
    }

    @Test
    void russianTitleIsTransliterated() {
        assertEquals("kak-proverit-predlozhenie-o-rabote", Slugs.slugify("Как проверить предложение о работе"));
    }

    @Test
    void multiLetterTransliterationsAndYo() {
        assertEquals("shchuka-ezh", Slugs.slugify("Щука ёж"));
        assertEquals("shchuka-ezh", Slugs.slugify("ЩУКА ЁЖ"));
    }

    @Test
    void pathCharactersDoNotSurvive() {
        assertEquals("etc-passwd", Slugs.slugify("../etc/passwd"));
        assertEquals("windows-system32", Slugs.slugify("..\\Windows\\System32"));
    }

    @Test
    void onlyPunctuationGivesAnEmptySlug() {
        assertEquals("", Slugs.slugify("?!… — «»"));
        assertEquals("", Slugs.slugify(""));
    }

    @Test
    void longTitleIsCutToAValidSlugAtAWordBoundary() {
        String title = "Cum verifici o ofertă de muncă în străinătate înainte să pleci ".repeat(8);
        assertTrue(title.length() >= 500);

        String slug = Slugs.slugify(title);

        assertTrue(slug.length() <= Slugs.MAX_LENGTH, slug.length() + ": " + slug);
        assertTrue(Slugs.isValid(slug), slug);
        assertTrue(slug.startsWith("cum-verifici-o-oferta-de-munca-"), slug);
        String uncut = String.join("-", java.util.Collections.nCopies(8,
                "cum-verifici-o-oferta-de-munca-in-strainatate-inainte-sa-pleci"));
        assertTrue(uncut.startsWith(slug + "-"), "cut after a whole word: " + slug);
    }

    @Test
    void longRussianTitleIsCutToAValidSlug() {
        String slug = Slugs.slugify("Что делать, если родственник пропал за границей ".repeat(10));

        assertTrue(slug.length() <= Slugs.MAX_LENGTH, slug);
        assertTrue(Slugs.isValid(slug), slug);
    }

    @Test
    void longSingleWordIsCutToTheMaximum() {
        String slug = Slugs.slugify("a".repeat(500));

        assertEquals(Slugs.MAX_LENGTH, slug.length());
        assertTrue(Slugs.isValid(slug));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cum-verifici-o-oferta", "ghid-2025", "a", "0"})
    void wellFormedSlugsAreValid(String slug) {
        assertTrue(Slugs.isValid(slug));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A-b", "a--b", "-a", "a-", "a/b", "../x", "a b", "ă", "", "a_b"})
    void malformedSlugsAreRejected(String slug) {
        assertFalse(Slugs.isValid(slug), slug);
    }

    @Test
    void nullAndOverlongSlugsAreRejected() {
        assertFalse(Slugs.isValid(null));
        assertFalse(Slugs.isValid("a".repeat(Slugs.MAX_LENGTH + 1)));
    }
}
