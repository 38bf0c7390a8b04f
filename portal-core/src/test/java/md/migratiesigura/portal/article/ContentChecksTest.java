package md.migratiesigura.portal.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import md.migratiesigura.portal.article.ContentChecks.Kind;
import md.migratiesigura.portal.article.ContentChecks.Warning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentChecksTest {

    private final ContentChecks checks = new ContentChecks();

    @Test
    void aPlainWellFormedArticleHasNoWarning() {
        assertEquals(List.of(), checks.check("""
                Cere contractul înainte de plecare.

                ## Contractul

                Citește [lista de verificare](/ro/articole/lista) și sună la linia fierbinte.

                ### Ce scrie în contract

                ![Un contract semnat](/media/contract.jpg)
                """));
        assertEquals(List.of(), checks.check(""));
        assertEquals(List.of(), checks.check(null));
    }

    @Test
    void aSkippedHeadingLevelIsNamed() {
        assertEquals(List.of(new Warning(Kind.HEADING_SKIPPED, "## → #### Detalii")),
                checks.check("## Contractul\n\ntext\n\n#### Detalii\n\ntext\n\n## Altceva\n\n### Bine"));
        assertEquals(Kind.HEADING_SKIPPED, checks.check("### Prea adânc la început").get(0).kind(),
                "the title is the h1, so a body starting at ### skips a level");
    }

    @Test
    void emptyLinksAndImagesWithoutAltAreFound() {
        assertEquals(List.of(new Warning(Kind.EMPTY_LINK, "https://example.org/"),
                        new Warning(Kind.IMAGE_WITHOUT_ALT, "/media/poza.jpg")),
                checks.check("Vezi [](https://example.org/) și ![](/media/poza.jpg)."));
        assertEquals(List.of(), checks.check("[![Sigla La Strada](/media/sigla.png)](https://lastrada.md/)"),
                "a link around an image with alt text has a name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aici", "Click aici", "click here", "нажмите здесь", "Здесь", "тут", "aici."})
    void linkTextsThatSayNothingAreFound(String text) {
        assertEquals(List.of(new Warning(Kind.VAGUE_LINK_TEXT, text)),
                checks.check("Informații despre contract [" + text + "](https://example.org/)"));
    }

    @Test
    void aLinkTextThatOnlyContainsAVagueWordIsFine() {
        assertEquals(List.of(), checks.check("[Aici găsiți lista agențiilor licențiate](/ro/agentii)"));
    }

    @Test
    void sentencesOverThirtyFiveWordsAreFoundOneByOne() {
        String thirtyFive = "cuvânt ".repeat(35).strip() + ".";
        String thirtySix = "Acesta " + "cuvânt ".repeat(35).strip() + ".";
        List<Warning> warnings = checks.check(thirtyFive + " " + thirtySix + "\n\nScurt. Tot scurt!");
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(Kind.LONG_SENTENCE, warnings.get(0).kind());
        assertEquals("Acesta cuvânt cuvânt cuvânt cuvânt cuvânt cuvânt cuvânt … (36)", warnings.get(0).detail());
        assertEquals(Kind.LONG_SENTENCE, checks.check("Это " + "слово ".repeat(36)).get(0).kind());
    }
}
