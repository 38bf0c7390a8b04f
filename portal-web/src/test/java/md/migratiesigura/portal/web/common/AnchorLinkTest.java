package md.migratiesigura.portal.web.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.wicket.markup.Markup;
import org.apache.wicket.mock.MockHomePage;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnchorLinkTest {

    private WicketTester tester;

    @BeforeEach
    void setUp() {
        tester = new WicketTester();
    }

    @AfterEach
    void tearDown() {
        tester.destroy();
    }

    @Test
    void rendersAPlainLinkWithoutScript() {
        tester.startComponentInPage(new AnchorLink<Void>("link", MockHomePage.class, new PageParameters().set("q", "viză")),
                Markup.of("<html><head></head><body><a wicket:id=\"link\">viză</a></body></html>"));
        String html = tester.getLastResponseAsString();
        assertTrue(html.matches("(?s).*<a [^>]*href=\"[^\"]*q=viz%C4%83[^\"]*\"[^>]*>viză</a>.*"), html);
        assertFalse(html.contains("onclick"), html);
        assertFalse(html.contains("<script"), html);
    }

    @Test
    void refusesAnyTagButAnAnchor() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> tester.startComponentInPage(
                new AnchorLink<Void>("link", MockHomePage.class),
                Markup.of("<html><head></head><body><span wicket:id=\"link\">x</span></body></html>")));
        assertTrue(refused.getMessage().contains("must be an <a> tag"), refused.getMessage());
    }
}
