package md.migratiesigura.portal.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A person checks a job offer on a phone, in a real browser against the packaged jar. */
class RiskCheckJourneyIT extends BrowserJourney {

    RiskCheckJourneyIT() {
        super(412, 915);
    }

    @Test
    void aPersonGoesThroughTheCheckOneScreenAtATimeAndSeesHighRiskWithTheHotline() throws Exception {
        browser.get(portal.baseUrl() + "/ro/");
        click(browser.findElement(By.cssSelector(".panel-cta a.button")));
        waitForUrl(".*/ro/verifica-oferta$");
        click(browser.findElement(By.cssSelector(".mode-link a")));
        waitForUrl(".*step=1.*");
        assertEquals("Pasul 1 din 5", browser.findElement(By.cssSelector(".risk-form .meta")).getText());

        choose("intermediary", "person");
        next("2");
        choose("contract", "on_arrival");
        next("3");
        choose("passport", "asked_to_keep");
        next("4");
        next("5");
        click(browser.findElement(By.cssSelector("button[name='check']")));
        waitForUrl(".*check=1.*");

        WebElement tier = browser.findElement(By.cssSelector(".tier"));
        assertTrue(tier.getAttribute("class").contains("tier-high"), tier.getAttribute("class"));
        assertTrue(tier.findElement(By.tagName("h2")).getText().startsWith("Risc mare"));
        List<String> rules = browser.findElements(By.cssSelector(".flag .rule")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("A5", "B1", "C2"), rules);
        WebElement hotline = browser.findElement(By.cssSelector(".risk-result a[href='tel:080077777']"));
        scrollTo(hotline);
        assertTrue(hotline.isDisplayed(), "the hotline can be tapped");
        assertEquals("0 800 77777", hotline.getText());
        assertTrue(browser.findElement(By.cssSelector(".risk-result a[href='/ro/consultatie']")).isDisplayed());
        assertTrue(browser.findElement(By.cssSelector("input[name='passport'][value='asked_to_keep']")).isSelected(),
                "the answers come back under the result, to be changed");
        assertTrue(browser.manage().getCookies().isEmpty(), "no cookie");
        Browsers.screenshot(browser, "risk-check-high-ro-phone.png");
    }

    @Test
    void aPersonChangesAnAnswerAndSeesTheResultChange() throws Exception {
        browser.get(portal.baseUrl() + "/ru/proverka-vakansii");
        choose("pay", "too_high");
        choose("housing", "unstated");
        click(browser.findElement(By.cssSelector("button[name='check']")));
        waitForUrl(".*check=1.*");
        assertTrue(browser.findElement(By.cssSelector(".tier")).getAttribute("class").contains("tier-caution"));

        choose("housing", "stated");
        click(browser.findElement(By.cssSelector("button[name='check']")));
        Browsers.waitFor(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("housing=stated"));
        WebElement tier = browser.findElement(By.cssSelector(".tier"));
        assertTrue(tier.getAttribute("class").contains("tier-none"));
        assertTrue(tier.getText().contains("Это не гарантия"), tier.getText());
        assertFalse(tier.getText().toLowerCase().contains("безопасн"), "never 'safe'");
        Browsers.screenshot(browser, "risk-check-none-ru-phone.png");
    }

    private void choose(String question, String option) {
        WebElement radio = browser.findElement(By.cssSelector("input[name='" + question + "'][value='" + option + "']"));
        click(radio);
        assertTrue(radio.isSelected(), question + "=" + option);
    }

    private void next(String step) {
        click(browser.findElement(By.cssSelector("button[name='step'][value='" + step + "']")));
        waitForUrl(".*step=" + step + ".*");
    }

    /** Centred first: the fixed quick-exit button sits at the bottom of the screen and must not take the tap. */
    private void click(WebElement element) {
        scrollTo(element);
        element.click();
    }

    private void scrollTo(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private void waitForUrl(String regex) {
        Browsers.waitFor(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(regex));
    }
}
