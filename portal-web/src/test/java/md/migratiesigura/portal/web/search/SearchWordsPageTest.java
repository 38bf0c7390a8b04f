package md.migratiesigura.portal.web.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditRecord;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.search.SearchHit;
import md.migratiesigura.portal.search.SearchQuery;
import md.migratiesigura.portal.web.TestPortal;
import md.migratiesigura.portal.web.admin.StaffTesting;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The editors' equivalent-word lists: validated, audited, and in force for the next search. */
class SearchWordsPageTest {

    private WicketTester tester;

    @BeforeEach
    void setUp() {
        tester = new WicketTester(TestPortal.newApplication());
    }

    @AfterEach
    void tearDown() {
        tester.destroy();
    }

    @Test
    void anEditorsLineIsValidatedAuditedAndFoundByTheNextSearch() {
        String word = "ksiva" + letters();
        StaffTesting.signIn(tester, TestPortal.ADMIN_EMAIL, TestPortal.ADMIN_PASSWORD);
        tester.executeUrl("admin/search-words");
        tester.assertRenderedPage(SearchWordsPage.class);
        assertTrue(tester.getLastResponseAsString().contains("Cuvinte echivalente pentru căutare"));

        FormTester add = tester.newFormTester("add");
        add.select("language", 0);
        add.setValue("words", word + " # <script>");
        StaffTesting.submit(tester, add);
        assertTrue(tester.getLastResponseAsString().contains("Folosiți doar litere, cifre, spații"), "refused");
        assertTrue(TestPortal.services().searchWords().entries(Language.RO).stream()
                .noneMatch(e -> e.words().contains(word)), "nothing saved");

        add = tester.newFormTester("add");
        add.select("language", 0);
        add.setValue("words", "pașaport, " + word);
        StaffTesting.submit(tester, add);
        assertTrue(tester.getLastResponseAsString().contains("Rândul a fost adăugat"));
        AuditRecord audit = TestPortal.services().audit().newest(0, 1).get(0);
        assertEquals(AuditAction.SEARCH_WORDS_ADDED, audit.action());
        assertTrue(tester.getLastResponseAsString().contains("pașaport, " + word), "the line is listed");

        var hits = TestPortal.services().search().search(SearchQuery.of(word, Language.RO)).hits();
        assertTrue(!hits.isEmpty() && hits.stream().map(SearchHit::title).anyMatch(t -> t.contains("aport")),
                "the reader's word finds the passport article at once: " + hits);

        add = tester.newFormTester("add");
        add.select("language", 0);
        add.setValue("words", "pașaport, " + word);
        StaffTesting.submit(tester, add);
        assertTrue(tester.getLastResponseAsString().contains("Acest rând există deja în listă."), "no duplicate");

        long id = TestPortal.services().searchWords().entries(Language.RO).stream()
                .filter(e -> e.words().contains(word)).findFirst().orElseThrow().id();
        TestPortal.services().searchWords().remove(TestPortal.administrator(), id);
        assertEquals(AuditAction.SEARCH_WORDS_REMOVED, TestPortal.services().audit().newest(0, 1).get(0).action());
        assertTrue(TestPortal.services().search().search(SearchQuery.of(word, Language.RO)).hits().isEmpty(),
                "removed: the word finds nothing again");
    }

    private static String letters() {
        Random random = new Random();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }
}
