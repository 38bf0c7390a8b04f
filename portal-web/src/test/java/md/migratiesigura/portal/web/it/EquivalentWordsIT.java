package md.migratiesigura.portal.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An editor adds a reader's word to the equivalent-word list in the back office, and a reader's search finds the
 * article written with the other word at once, with no rebuild; the did-you-mean knows the word too. Removing the
 * line takes it away again.
 */
class EquivalentWordsIT extends BrowserJourney {

    private static final String ADMIN_EMAIL = "cuvinte@example.org";
    private static final String ADMIN_PASSWORD = "o parola lunga pentru cuvinte";

    EquivalentWordsIT() {
        super(1280, 900);
    }

    @Override
    protected void configure(Map<String, String> env) {
        administrator(env, ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @Test
    void anEditorAddsAWordAndAReaderFindsTheArticleAtOnce() {
        // A word no article has, as a village might say it: nothing is found for it yet. It ends in two consonants
        // that no Romanian ending takes, so that the slip below (the last two swapped) is a different word to the
        // search too: "...ai" and "...ia" would both lose their ending and meet the list as the same word.
        String word = "ksiva" + randomLetters(3) + "pk";
        browser.get(portal.baseUrl() + "/ro/cautare?q=" + word);
        assertTrue(titles().isEmpty(), "nothing is found before the editor adds the word");

        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        browser.findElement(By.linkText("Cuvinte echivalente pentru căutare")).click();
        wait.until(ExpectedConditions.urlMatches(".*/admin/search-words.*"));
        new Select(browser.findElement(By.id("search-words-language"))).selectByVisibleText("Căutarea în română");
        WebElement line = browser.findElement(By.id("search-words-line"));
        line.sendKeys("pașaport");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "Un rând are nevoie de cel puțin două cuvinte diferite"));

        browser.findElement(By.id("search-words-line")).sendKeys(", " + word);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "Rândul a fost adăugat: se aplică de acum căutărilor."));
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("pașaport, " + word));

        browser.get(portal.baseUrl() + "/ro/cautare?q=" + word);
        List<String> found = titles();
        assertTrue(!found.isEmpty() && found.get(0).contains("Pașaportul"),
                "the reader's word finds the passport article first: " + found);

        // One letter off the editor's word: the did-you-mean offers it.
        String slip = word.substring(0, word.length() - 2) + word.charAt(word.length() - 1) + word.charAt(word.length() - 2);
        browser.get(portal.baseUrl() + "/ro/cautare?q=" + slip);
        assertTrue(browser.findElement(By.tagName("main")).getText().contains(word),
                "the did-you-mean offers the editor's word for " + slip);

        browser.get(portal.baseUrl() + "/admin/search-words");
        browser.findElement(By.cssSelector("main table button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "Rândul a fost șters: nu se mai aplică căutărilor."));
        browser.get(portal.baseUrl() + "/ro/cautare?q=" + word);
        assertEquals(List.of(), titles(), "after removal the word finds nothing again");
    }

    private List<String> titles() {
        return browser.findElements(By.cssSelector(".search-results li h2, .search-results li h3, .search-results li a"))
                .stream().map(WebElement::getText).filter(t -> !t.isBlank()).toList();
    }

    private static String randomLetters(int n) {
        Random random = new Random();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }
}
