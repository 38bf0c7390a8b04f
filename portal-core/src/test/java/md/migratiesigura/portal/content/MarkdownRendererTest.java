package md.migratiesigura.portal.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private static String href(String html) {
        Matcher m = Pattern.compile("<a [^>]*href=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), "a link is rendered: " + html);
        return m.group(1);
    }

    @Test
    void imagesInTheTextLoadLazily() {
        String html = renderer.toHtml("Text.\n\n![Un contract semnat](/media/contract.jpg)");
        assertTrue(html.contains("<img src=\"/media/contract.jpg\" alt=\"Un contract semnat\" loading=\"lazy\" decoding=\"async\" />"), html);
    }

    @Test
    void scriptTagIsEscapedNotRendered() {
        String html = renderer.toHtml("Text\n\n<script>alert(1)</script>\n\nmore text");

        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), html);
        assertTrue(html.contains("&lt;script&gt;"), "the reader sees the text instead: " + html);
    }

    @Test
    void inlineImageTagWithAnEventHandlerIsEscaped() {
        String html = renderer.toHtml("Vezi <img src=x onerror=alert(1)> aici și <IMG SRC=x onerror=alert(2)>");

        assertFalse(html.toLowerCase(Locale.ROOT).contains("<img"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[sună-ne](javascript:alert(1))",
            "[sună-ne](JaVaScRiPt:alert(1))",
            "[sună-ne](<java\tscript:alert(1)>)",
            "[sună-ne](java&#9;script:alert(1))",
            "[sună-ne](javascript&colon;alert(1))",
            "[sună-ne](<\u0001javascript:alert(1)>)",
            "[sună-ne](vbscript:msgbox(1))",
            "[sună-ne](VBScript:msgbox(1))",
            "<javascript:alert(1)>",
    })
    void scriptLinksLoseTheirTarget(String markdown) {
        String html = renderer.toHtml(markdown);

        assertEquals("", href(html), "no script scheme survives in " + html);
    }

    @Test
    void dataUrlLinkLosesItsTarget() {
        String html = renderer.toHtml("[deschide](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)");

        assertEquals("", href(html));
        assertFalse(html.contains("data:"), html);
        assertTrue(html.contains(">deschide</a>"), "the link text stays readable: " + html);
    }

    @ParameterizedTest
    @MethodSource("safeLinks")
    void safeLinksKeepTheirTarget(String markdown, String expectedHref) {
        assertEquals(expectedHref, href(renderer.toHtml(markdown)));
    }

    static Stream<Arguments> safeLinks() {
        return Stream.of(
                Arguments.of("[ANOFM](https://anofm.md/ro/agentii)", "https://anofm.md/ro/agentii"),
                Arguments.of("[site](http://example.org/)", "http://example.org/"),
                Arguments.of("[scrie-ne](mailto:info@migratiesigura.md)", "mailto:info@migratiesigura.md"),
                Arguments.of("[sună](tel:+37322233309)", "tel:+37322233309"),
                Arguments.of("[articol](/ro/articole/x)", "/ro/articole/x"),
                Arguments.of("[articol](../ru/statyi/y)", "../ru/statyi/y"),
                Arguments.of("[sus](#contacte)", "#contacte"),
                Arguments.of("[întrebare](/cauta?q=a:b)", "/cauta?q=a:b"));
    }

    @Test
    void imageFromADataUrlLosesItsSource() {
        String html = renderer.toHtml("![poza](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)");

        assertFalse(html.contains("data:"), html);
        assertTrue(html.contains("src=\"\""), html);
    }

    @Test
    void imageOverHttpsKeepsItsSource() {
        String html = renderer.toHtml("![harta](https://migratiesigura.md/img/harta.png)");

        assertTrue(html.contains("src=\"https://migratiesigura.md/img/harta.png\""), html);
    }

    @Test
    void externalLinkTellsTheOtherSiteNothing() {
        String html = renderer.toHtml("Vezi [lista agențiilor](https://anofm.md/agentii) și https://example.org.");

        Matcher rel = Pattern.compile("rel=\"([^\"]*)\"").matcher(html);
        int external = 0;
        while (rel.find()) {
            external++;
            assertTrue(rel.group(1).contains("noreferrer"), html);
            assertTrue(rel.group(1).contains("noopener"), html);
        }
        assertEquals(2, external, "the written link and the autolinked address: " + html);
    }

    @Test
    void gfmTableRendersAsATable() {
        String html = renderer.toHtml("""
                | Țara | Viză |
                |------|------|
                | Polonia | da |
                | Italia | nu |
                """);

        assertTrue(html.contains("<table>"), html);
        assertTrue(html.contains("<th>Țara</th>"), html);
        assertTrue(html.contains("<td>Polonia</td>"), html);
    }

    @Test
    void headingsGetAnAnchorId() {
        String html = renderer.toHtml("## Ce poate face consulatul\n\n### Что может консульство\n");

        assertTrue(Pattern.compile("<h2 id=\"[^\"]+\">Ce poate face consulatul</h2>").matcher(html).find(), html);
        assertTrue(Pattern.compile("<h3 id=\"[^\"]+\">Что может консульство</h3>").matcher(html).find(), html);
    }

    @Test
    void plainTextDropsTheMarkup() {
        String text = renderer.toPlainText("## Titlu\n\nUn **cuvânt** și [un link](https://example.org).");

        assertFalse(text.contains("**"), text);
        assertFalse(text.contains("##"), text);
        assertTrue(text.contains("cuvânt"), text);
    }

    @Test
    void emptyTextTakesOneMinuteToRead() {
        assertEquals(1, MarkdownRenderer.readingMinutes(""));
        assertEquals(1, MarkdownRenderer.readingMinutes(" \n\t "));
    }

    @Test
    void threeHundredSixtyWordsTakeTwoMinutes() {
        assertEquals(2, MarkdownRenderer.readingMinutes("cuvânt ".repeat(360)));
        assertEquals(2, MarkdownRenderer.readingMinutes(renderer.toPlainText("слово\n".repeat(360))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathologicalInputs")
    void pathologicalInputRendersQuickly(String name, String markdown) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            String html = renderer.toHtml(markdown);
            String text = renderer.toPlainText(markdown);
            assertFalse(html.isEmpty());
            assertTrue(text.length() <= markdown.length() * 2);
            assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"));
        });
    }

    static Stream<Arguments> pathologicalInputs() {
        return Stream.of(
                Arguments.of("50,000 [", "[".repeat(50_000)),
                Arguments.of("50,000 [ then ]", "[".repeat(50_000) + "]".repeat(50_000)),
                Arguments.of("50,000 nested quotes", ">".repeat(50_000) + " text"),
                Arguments.of("100,000 *", "*".repeat(100_000)),
                Arguments.of("50,000 emphasis openers", "*a ".repeat(50_000)),
                Arguments.of("50,000 nested list items", "- ".repeat(50_000) + "x"),
                Arguments.of("50,000 unclosed links", "[a](".repeat(50_000)),
                Arguments.of("50,000 <", "<".repeat(50_000) + "script>"));
    }
}
