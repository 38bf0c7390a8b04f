package md.migratiesigura.portal.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A reader in a real browser against the packaged jar on an external MariaDB (PORTAL_DB_URL). */
class LanguageJourneyIT extends BrowserJourney {

    LanguageJourneyIT() {
        super(412, 915);
    }

    @Test
    void readerLandsInRomanianAndSwitchesToRussian() throws Exception {
        browser.get(portal.baseUrl() + "/");
        assertTrue(browser.getCurrentUrl().endsWith("/ro/"), browser.getCurrentUrl());
        assertEquals("ro", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("Pleci la muncă"));

        WebElement switchLink = browser.findElement(By.cssSelector("nav.language a"));
        assertEquals("Русский", switchLink.getText());
        switchLink.click();
        Browsers.waitFor(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/ru/$"));
        assertEquals("ru", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("Уезжаете на работу"));
        assertTrue(browser.manage().getCookies().isEmpty(), "a reader gets no cookie");
        Browsers.screenshot(browser, "home-ru-phone.png");
    }

    @Test
    void readerOpensAnArticleAndReadsItInTheOtherLanguage() {
        browser.get(portal.baseUrl() + "/ro/");
        browser.findElement(By.cssSelector(".article-list a")).click();
        // The article's own heading, not the home page's: read it once the article's address is shown.
        Browsers.waitFor(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/ro/articole/"));
        String romanianTitle = browser.findElement(By.tagName("h1")).getText();
        browser.findElement(By.cssSelector("nav.language a")).click();
        Browsers.waitFor(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/ru/stati/"));
        assertEquals("ru", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(!browser.findElement(By.tagName("h1")).getText().equals(romanianTitle), "the Russian title is shown");
    }

    /**
     * What a reader's phone downloads, from a cold cache: the page and its one (async) script, nothing else, under
     * 15 KB together as sent (gzipped). Then, for the record, when the page is ready on a poor mobile link (400 ms a
     * round trip, 400 kbit/s each way, Chromium's emulation): printed, not asserted, as the benchmark does.
     */
    @Test
    void aPhoneLoadsTheHomeAndAnArticleInTwoRequestsAndUnder15Kb() {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        browser.get(portal.baseUrl() + "/ro/");
        String article = browser.findElement(By.cssSelector(".article-list a")).getAttribute("href");
        for (String page : List.of(portal.baseUrl() + "/ro/", article)) {
            browser.get(page);
            @SuppressWarnings("unchecked")
            List<Object> loaded = (List<Object>) browser.executeScript("""
                    const nav = performance.getEntriesByType('navigation')[0];
                    const res = performance.getEntriesByType('resource');
                    return [nav.transferSize, res.length, res.reduce((sum, r) => sum + r.transferSize, 0),
                            res.map(r => r.name).join(' ')];""");
            long total = ((Number) loaded.get(0)).longValue() + ((Number) loaded.get(2)).longValue();
            assertTrue(((Number) loaded.get(1)).intValue() <= 1, page + " loads only its script: " + loaded.get(3));
            assertTrue(total < 15 * 1024, page + " sends " + total + " bytes with everything it loads");
            System.out.printf("page weight %s: %d bytes in %d requests%n", page, total,
                    1 + ((Number) loaded.get(1)).intValue());
        }
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 400,
                "downloadThroughput", 400 * 1000 / 8, "uploadThroughput", 400 * 1000 / 8));
        for (String page : List.of(portal.baseUrl() + "/ro/", article)) {
            browser.get(page);
            Object ready = browser.executeScript(
                    "return performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd;");
            System.out.printf("ready (DOMContentLoaded) on 400 ms / 400 kbit/s, cold cache, %s: %.0f ms%n", page,
                    ((Number) ready).doubleValue());
        }
    }

    @Test
    void searchFromTheHeaderShowsResults() {
        browser.get(portal.baseUrl() + "/ro/");
        WebElement box = browser.findElement(By.id("site-search"));
        box.sendKeys("contract");
        box.submit();
        Browsers.waitFor(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/ro/cautare?q=contract"));
        assertTrue(browser.findElements(By.cssSelector(".search-results li")).size() > 0, "results are listed");
    }

    @Test
    void quickExitLeavesAndReplacesTheHistoryEntry() {
        browser.get(portal.baseUrl() + "/ro/");
        browser.get(portal.baseUrl() + "/ro/cautare?q=pasaport");
        String exitTarget = browser.findElement(By.id("quick-exit")).getAttribute("data-quick-exit");
        // The neutral site is not reachable from this sandbox; rewrite the target to a page of ours that stands for it.
        browser.executeScript("document.getElementById('quick-exit').setAttribute('data-quick-exit', arguments[0])",
                portal.baseUrl() + "/health");
        browser.findElement(By.id("quick-exit")).click();
        Browsers.waitFor(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/health"));
        browser.navigate().back();
        assertTrue(browser.getCurrentUrl().endsWith("/ro/"), "Back skips the page that was left: " + browser.getCurrentUrl());
        assertTrue(exitTarget.startsWith("https://"), exitTarget);
    }

    @Test
    void noPageMakesTheBrowserContactAnotherSite() {
        browser.get(portal.baseUrl() + "/ro/");
        browser.findElement(By.cssSelector(".article-list a")).click();
        browser.get(portal.baseUrl() + "/ru/poisk?q=%D0%BF%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82");
        browser.get(portal.baseUrl() + "/ro/categorie/munca");
        browser.get(portal.baseUrl() + "/ro/nu-exista");
        java.util.List<String> requested = Browsers.requestedUrls(browser);
        assertTrue(requested.size() >= 5, "the log saw the pages: " + requested);
        // chrome:// entries are the browser's own new-tab page, not the network.
        java.util.List<String> foreign = requested.stream()
                .filter(u -> !u.startsWith("chrome:") && !u.startsWith("data:") && !u.startsWith(portal.baseUrl() + "/"))
                .toList();
        assertEquals(java.util.List.of(), foreign, "requests to other sites");
    }

}
