package md.migratiesigura.portal.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The 2025 report in a real browser against the packaged jar, in both languages: the server-drawn chart is there
 * with its bars and the data table beside it, the factsheet's totals are shown, the page sets no cookie, and a
 * screenshot of each language is kept in target/screenshots.
 */
class ReportIT extends BrowserJourney {

    ReportIT() {
        super(1280, 2200);
    }

    @ParameterizedTest
    @CsvSource({"/ro/raport/2025, ro, 123.768, 48.878, Vizite", "/ru/otchet/2025, ru, 123 768, 48 878, Посещения"})
    void the2025ReportShowsItsChartAndTable(String path, String lang, String visits, String visitors, String heading)
            throws Exception {
        browser.get(portal.baseUrl() + path);
        assertEquals(lang, browser.findElement(By.tagName("html")).getAttribute("lang"));
        WebElement chart = browser.findElement(By.cssSelector("svg.chart-svg"));
        assertTrue(chart.isDisplayed(), "the chart is shown");
        assertTrue(chart.getSize().getWidth() > 300 && chart.getSize().getHeight() > 100, "and has a size: " + chart.getSize());
        List<WebElement> bars = browser.findElements(By.cssSelector("svg.chart-svg rect.chart-bar"));
        assertEquals(24, bars.size(), "two bars a month");
        assertTrue(bars.stream().allMatch(b -> b.getSize().getHeight() > 0), "every 2025 month has visible bars");
        WebElement table = browser.findElement(By.cssSelector("table.report-table"));
        assertEquals(12, table.findElements(By.cssSelector("tbody tr")).size());
        String totals = browser.findElement(By.cssSelector(".report-totals")).getText().replace('\u00a0', ' ').replace('\u202f', ' ');
        assertTrue(totals.contains(visits) && totals.contains(visitors), totals);
        assertTrue(table.getText().contains(heading), "the table is in the page's language");
        assertTrue(browser.manage().getCookies().isEmpty(), "a reader gets no cookie");
        Browsers.screenshot(browser, "report-2025-" + lang + ".png");
    }
}
