package md.migratiesigura.portal.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The 2025 report in a real browser against the packaged jar, in both languages: the server-drawn chart is there
 * with its bars and the data table beside it, the factsheet's totals are shown, the page sets no cookie, and a
 * screenshot of each language is kept in target/screenshots. The retrospective lists the seeded 2025 and a year an
 * administrator entered from a published factsheet, marked so.
 */
class ReportIT extends BrowserJourney {

    private static final String ADMIN_EMAIL = "raport@example.org";
    private static final String ADMIN_PASSWORD = "o parola lunga pentru raport";

    ReportIT() {
        super(1280, 2200);
    }

    @Override
    protected void configure(Map<String, String> env) {
        administrator(env, ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @Test
    void theRetrospectiveListsTheSeededYearAndAYearEnteredFromAPublishedFactsheet() throws Exception {
        signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        browser.get(portal.baseUrl() + "/admin/report/2025");
        browser.findElement(By.cssSelector("a[href$='earlier-years']")).click();
        wait.until(ExpectedConditions.urlMatches(".*/admin/earlier-years(\\?.*)?$"));
        browser.findElement(By.id("earlier-year")).sendKeys("2014");
        browser.findElement(By.id("earlier-source")).sendKeys("Factsheet de test 2014");
        browser.findElement(By.cssSelector("input[name='section:0:figure:0:value']")).sendKeys("4321");
        browser.findElement(By.cssSelector("main form button[type=submit]:not([name])")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "Cifrele au fost salvate pentru anul 2014"));

        browser.manage().deleteAllCookies();
        for (String[] page : new String[][] {{"/ro/raport", "4.321", "Introdus din factsheet-ul publicat"},
                {"/ru/otchet", "4 321", "Введено из опубликованного годового отчёта"}}) {
            browser.get(portal.baseUrl() + page[0]);
            List<String> rows = browser.findElements(By.cssSelector("table.report-table tbody tr")).stream()
                    .map(WebElement::getText).toList();
            int seeded = rows.stream().filter(r -> r.startsWith("2025")).findFirst().map(rows::indexOf).orElse(-1);
            int entered2014 = rows.stream().filter(r -> r.startsWith("2014")).findFirst().map(rows::indexOf).orElse(-1);
            assertTrue(seeded >= 0 && entered2014 > seeded, "the seeded 2025, then the entered 2014: " + rows);
            assertTrue(browser.findElement(By.cssSelector("a[href='" + page[0] + "/2025']")).isDisplayed());
            WebElement entered = browser.findElement(By.cssSelector("tr[data-earlier-year]"));
            String text = entered.getText().replace('\u00a0', ' ').replace('\u202f', ' ');
            assertTrue(text.startsWith("2014") && text.contains(page[1]) && text.contains(page[2])
                    && text.contains("Factsheet de test 2014"), text);
            assertTrue(browser.manage().getCookies().isEmpty(), "a reader gets no cookie");
        }
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
