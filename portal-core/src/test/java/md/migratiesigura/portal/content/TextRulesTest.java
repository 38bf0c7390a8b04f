package md.migratiesigura.portal.content;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

    private static void assertRejected(String field, String text, boolean multiline) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextRules.requireCleanText(field, text, multiline));
        assertTrue(e.getMessage().contains("'" + field + "'"), "the message names the field: " + e.getMessage());
    }

    @Test
    void nulCharacterIsRejectedNamingTheField() {
        assertRejected("title", "Titlu\u0000ascuns", false);
        assertRejected("body", "Text\u0000", true);
    }

    @Test
    void rightToLeftOverrideIsRejectedNamingTheField() {
        assertRejected("summary", "factura\u202Efdp.exe", false);
        assertRejected("body", "link \u202E spre", true);
        assertRejected("body", "izolat \u2066 text", true);
    }

    @Test
    void loneSurrogatesAreRejectedNamingTheField() {
        assertRejected("title", "jumătate \uD83D de emoji", false);
        assertRejected("title", "la final \uD83D", false);
        assertRejected("title", "\uDE00 inversat", false);
        assertRejected("title", "\uDE00\uD83D", false);
    }

    @Test
    void lineBreaksAndTabsAreAllowedOnlyInMultilineText() {
        assertDoesNotThrow(() -> TextRules.requireCleanText("body", "rândul 1\nrândul 2\r\n\tindentat", true));
        assertRejected("title", "rândul 1\nrândul 2", false);
        assertRejected("title", "coloana\tdoi", false);
        assertRejected("title", "retur\r", false);
    }

    @Test
    void otherControlCharactersAreRejectedEvenInMultilineText() {
        assertRejected("body", "clopoțel \u0007", true);
        assertRejected("body", "escape \u001B[31m", true);
        assertRejected("body", "C1 \u0085", true);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Cum verifici o ofertă de muncă în străinătate? Șase semne — „atenție”!",
            "Как проверить предложение о работе за рубежом: шесть признаков «ловушки»",
            "Linia fierbinte 0 800 77777 📞 — ajutor gratuit 🆘 👨‍👩‍👧",
            "Ăâîșț ĂÂÎȘȚ ёЁ щЩ",
            ""})
    void ordinaryRomanianAndRussianTextWithEmojiIsAccepted(String text) {
        assertDoesNotThrow(() -> TextRules.requireCleanText("title", text, false));
        assertDoesNotThrow(() -> TextRules.requireCleanText("body", text, true));
    }
}
