package md.migratiesigura.portal.web.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextsTest {

    private static final Locale RO = Locale.forLanguageTag("ro");
    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final String RU_ARTICLES = "{0, plural, one{# статья} few{# статьи} many{# статей} other{# статьи}}";
    private static final String RO_ARTICLES = "{0, plural, one{# articol} few{# articole} other{# de articole}}";

    @Test
    void russianHasThreePluralForms() {
        assertEquals("1 статья", Texts.plural(RU_ARTICLES, RU, 1));
        assertEquals("2 статьи", Texts.plural(RU_ARTICLES, RU, 2));
        assertEquals("5 статей", Texts.plural(RU_ARTICLES, RU, 5));
        assertEquals("11 статей", Texts.plural(RU_ARTICLES, RU, 11));
        assertEquals("21 статья", Texts.plural(RU_ARTICLES, RU, 21));
        assertEquals("24 статьи", Texts.plural(RU_ARTICLES, RU, 24));
    }

    @Test
    void romanianSaysDeFromTwenty() {
        assertEquals("1 articol", Texts.plural(RO_ARTICLES, RO, 1));
        assertEquals("2 articole", Texts.plural(RO_ARTICLES, RO, 2));
        assertEquals("19 articole", Texts.plural(RO_ARTICLES, RO, 19));
        assertEquals("20 de articole", Texts.plural(RO_ARTICLES, RO, 20));
        assertEquals("101 articole", Texts.plural(RO_ARTICLES, RO, 101));
    }

    @Test
    void datesAreInChisinauTimeAndTheReadersLanguage() {
        // 22:30 UTC on 2 February is already 3 February in Chisinau (UTC+2 in winter).
        Instant instant = Instant.parse("2025-02-02T22:30:00Z");
        assertEquals("3 februarie 2025", Texts.date(instant, RO));
        assertEquals("3 февраля 2025 г.", Texts.date(instant, RU));
        assertEquals("2025-02-03", Texts.isoDate(instant));
    }
}
