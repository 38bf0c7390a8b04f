package md.migratiesigura.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.migratiesigura.portal.article.ArticleSummary;
import md.migratiesigura.portal.article.ArticleView;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.article.ArticlePage;
import md.migratiesigura.portal.web.article.CategoryPage;
import md.migratiesigura.portal.web.article.TagPage;
import md.migratiesigura.portal.web.common.BasePage;
import md.migratiesigura.portal.web.common.ErrorPage;
import md.migratiesigura.portal.web.common.NotFoundPage;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.home.HomePage;
import md.migratiesigura.portal.web.search.SearchPage;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The public pages rendered by Wicket on the real core, in both languages. */
class PublicPagesTest {

    private WicketTester tester;

    @BeforeEach
    void setUp() {
        tester = new WicketTester(TestPortal.newApplication());
    }

    @AfterEach
    void tearDown() {
        tester.destroy();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void homePageIsStatelessAndInItsLanguage(Language language) {
        tester.executeUrl(language.code() + "/");
        tester.assertRenderedPage(HomePage.class);
        assertTrue(tester.getLastRenderedPage().isPageStateless(), "anonymous visitors must get no session");
        assertTrue(tester.getSession().isTemporary(), "no session is bound for a public page");
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("<html lang=\"" + language.code() + "\">"), "html lang is " + language.code());
        assertTrue(html.contains("href=\"tel:080077777\""), "free hotline as a click-to-call link");
        assertTrue(html.contains("href=\"tel:+37322233309\""), "hotline from abroad as a click-to-call link");
        assertTrue(html.contains("id=\"quick-exit\""), "quick exit on every page");
        String heading = language == Language.RO ? "Pleci la muncă în străinătate?" : "Уезжаете на работу за границу?";
        assertTrue(html.contains(heading), "the heading is in " + language);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theSkipLinkThenTheQuickExitAreTheFirstThingsTheKeyboardReaches(Language language) {
        // The skip link first, as GOV.UK places it (WCAG 2.4.1), the quick exit right after it: the second Tab,
        // and Escape twice from anywhere.
        tester.executeUrl(language.code() + "/");
        String body = tester.getLastResponseAsString().split("<body>", 2)[1];
        int first = body.indexOf("<a ");
        int second = body.indexOf("<a ", first + 1);
        int third = body.indexOf("<a ", second + 1);
        assertTrue(body.substring(first, second).contains("class=\"skip-link\" href=\"#main\""), "the skip link comes first");
        int quickExit = body.indexOf("id=\"quick-exit\"");
        assertTrue(quickExit > second && quickExit < third, "the quick exit is the second link in the page");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void languageSwitchLeadsToTheSamePageInTheOtherLanguage(Language language) {
        ArticleSummary article = TestPortal.services().articles().latest(language, 1).get(0);
        tester.executeUrl(articlePath(language, article.slug()));
        tester.assertRenderedPage(ArticlePage.class);
        String html = tester.getLastResponseAsString();
        String otherSlug = TestPortal.services().articles().bySlug(language, article.slug()).orElseThrow().otherLanguageSlug();
        String otherPath = articlePath(language.other(), otherSlug);
        assertTrue(html.contains(otherPath + "\" hreflang=\"" + language.other().code() + "\""),
                "the switch points to " + otherPath);
        tester.executeUrl(otherPath);
        tester.assertRenderedPage(ArticlePage.class);
        assertTrue(tester.getLastResponseAsString().contains("<html lang=\"" + language.other().code() + "\">"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void articlePageShowsTheArticleAndIsStateless(Language language) {
        ArticleSummary article = TestPortal.services().articles().latest(language, 1).get(0);
        tester.executeUrl(articlePath(language, article.slug()));
        tester.assertRenderedPage(ArticlePage.class);
        assertTrue(tester.getLastRenderedPage().isPageStateless());
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("<h1>" + TestPortal.escape(article.title()) + "</h1>"), "the title is the page heading");
        assertTrue(html.contains("<title>" + TestPortal.escape(article.title()) + " · "), "the title is in the window title");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void anArticleEndsWithItsSourcesLinkedWithoutReferrerAndTheDayItWasChecked(Language language) {
        ArticleSummary article = TestPortal.services().articles().latest(language, 1).get(0);
        ArticleView view = TestPortal.services().articles().bySlug(language, article.slug()).orElseThrow();
        tester.executeUrl(articlePath(language, article.slug()));
        String html = tester.getLastResponseAsString();

        String sources = html.substring(html.indexOf("<section class=\"article-sources\""));
        sources = sources.substring(0, sources.indexOf("</section>"));
        assertTrue(sources.contains(language == Language.RO ? ">Surse</h2>" : ">Источники</h2>"), sources);
        assertTrue(sources.contains((language == Language.RO ? "Verificat la " : "Проверено ")
                + Texts.date(view.reviewed(), language.locale())), sources);
        assertEquals(view.sources().size(), sources.split("<li>", -1).length - 1, "every source listed");
        for (var source : view.sources()) {
            assertTrue(sources.contains("href=\"" + TestPortal.escape(source.url())
                    + "\" rel=\"noopener noreferrer nofollow\" referrerpolicy=\"no-referrer\""), source.url());
            assertTrue(sources.contains(TestPortal.escape(source.publisher())), source.publisher());
        }
        assertTrue(html.indexOf("article-sources") < html.indexOf("</article>"), "at the end of the article");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void unknownArticleGetsTheLocalizedNotFoundPageWithStatus404(Language language) {
        tester.executeUrl(articlePath(language, "no-such-article"));
        tester.assertRenderedPage(NotFoundPage.class);
        assertEquals(404, tester.getLastResponse().getStatus());
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains(language == Language.RO ? "Pagina nu a fost găsită" : "Страница не найдена"));
        assertTrue(html.contains("role=\"search\""), "the 404 page offers search");
        assertTrue(html.contains("tel:080077777"), "the 404 page offers the hotline");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void unknownPathUnderALanguageIsNotFound(Language language) {
        tester.executeUrl(language.code() + "/no/such/page");
        tester.assertRenderedPage(NotFoundPage.class);
        assertEquals(404, tester.getLastResponse().getStatus());
        assertTrue(tester.getLastResponseAsString().contains("<html lang=\"" + language.code() + "\">"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void searchPageEscapesWhatWasTyped(Language language) {
        tester.executeUrl(searchPath(language) + "?q=%3Cscript%3Ealert(1)%3C/script%3E");
        tester.assertRenderedPage(SearchPage.class);
        assertTrue(tester.getLastRenderedPage().isPageStateless());
        String html = tester.getLastResponseAsString();
        assertFalse(html.contains("<script>alert(1)"), "typed markup is never rendered as markup");
        assertTrue(html.contains("&lt;script&gt;alert(1)"), "typed markup is shown as text");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theSearchBoxSaysThatWhatIsTypedStaysInTheBrowserHistory(Language language) {
        tester.executeUrl(searchPath(language) + "?q=contract");
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains(language == Language.RO
                ? "Ce cauți apare în adresa paginii și rămâne în istoricul browserului"
                : "Ваш запрос виден в адресе страницы и остаётся в истории браузера"), "the notice in " + language);
        assertTrue(html.contains("aria-describedby=\"search-privacy\""), "read out with the search box");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void searchFindsAnArticleByAWordOfItsTitle(Language language) {
        List<ArticleSummary> latest = TestPortal.services().articles().latest(language, 1);
        String word = latest.get(0).title().split("\\s+")[0];
        tester.executeUrl(searchPath(language) + "?q=" + java.net.URLEncoder.encode(word, java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(tester.getLastResponseAsString().contains(TestPortal.escape(latest.get(0).title())));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void searchMarksTheMatchedWordsInTheSnippets(Language language) {
        tester.executeUrl(searchPath(language) + "?q=" + (language == Language.RO ? "pasaport" : "%D0%BF%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82%D0%B0"));
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("<mark>"), "matches are marked");
        assertTrue(html.contains("class=\"search-results\""));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void misspelledSearchOffersACorrection(Language language) {
        tester.executeUrl(searchPath(language) + "?q=" + (language == Language.RO ? "pasaprot" : "%D0%BF%D0%B0%D1%81%D0%BF%D1%80%D0%BE%D1%82"));
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains(language == Language.RO ? "Ai vrut să cauți:" : "Возможно, вы искали:"), "a did-you-mean is offered");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void overlongSearchIsRefusedWithAClearMessageAnd400(Language language) {
        tester.executeUrl(searchPath(language) + "?q=" + "a".repeat(300));
        assertEquals(400, tester.getLastResponse().getStatus());
        assertTrue(tester.getLastResponseAsString().contains(language == Language.RO ? "prea lung" : "Слишком длинный"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void searchCanIncludeTheOtherLanguage(Language language) {
        // A word of the other language that only its articles use ("кабала", "servitute"): the equivalent-word lists
        // make the reader's words of either language find "паспорт"/"pașaport", so those would find both.
        String word = language == Language.RO ? "%D0%BA%D0%B0%D0%B1%D0%B0%D0%BB%D0%B0" : "servitute";
        tester.executeUrl(searchPath(language) + "?q=" + word);
        assertTrue(tester.getLastResponseAsString().contains(language == Language.RO ? "Nu am găsit" : "Мы не нашли"));
        tester.executeUrl(searchPath(language) + "?all=1&q=" + word);
        assertTrue(tester.getLastResponseAsString().contains("hreflang=\"" + language.other().code() + "\""),
                "results in the other language are linked with their language");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void searchCanBeNarrowedToACategory(Language language) {
        String word = language == Language.RO ? "munca" : "%D1%80%D0%B0%D0%B1%D0%BE%D1%82%D0%B0";
        tester.executeUrl(searchPath(language) + "?q=" + word);
        String all = tester.getLastResponseAsString();
        tester.executeUrl(searchPath(language) + "?category=tari&q=" + word);
        String countries = tester.getLastResponseAsString();
        assertTrue(countries.contains("<option value=\"tari\" selected=\"selected\">"), "the chosen category stays selected");
        // The shown result counts, not the items of the first page: both may fill a page of results.
        assertTrue(resultCount(countries) < resultCount(all), "fewer results within one category");
    }

    private static int resultCount(String html) {
        Matcher count = Pattern.compile("class=\"search-summary\"[^>]*>[^<\\d]*(\\d+)").matcher(html);
        assertTrue(count.find(), "the number of results is shown");
        return Integer.parseInt(count.group(1));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void articleHeadCarriesCanonicalAlternatesOpenGraphAndStructuredData(Language language) throws Exception {
        ArticleSummary article = TestPortal.services().articles().latest(language, 1).get(0);
        tester.executeUrl(articlePath(language, article.slug()));
        String html = tester.getLastResponseAsString();
        String base = TestPortal.config().publicBaseUrl();
        assertTrue(html.contains("<link rel=\"canonical\" href=\"" + base + "/" + articlePath(language, article.slug()) + "\">"), html.substring(0, 2500));
        assertTrue(html.contains("hreflang=\"ro\""));
        assertTrue(html.contains("hreflang=\"ru\""));
        assertTrue(html.contains("hreflang=\"x-default\""));
        assertTrue(html.contains("property=\"og:title\""));
        String json = html.substring(html.indexOf("application/ld+json\">") + 21, html.indexOf("</script>", html.indexOf("application/ld+json")));
        var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertEquals("Article", data.get("@type").asText());
        assertEquals(article.title(), data.get("headline").asText());
        assertEquals(language.code(), data.get("inLanguage").asText());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void articleOffersRelatedArticlesTagsAndShareLinksThatLoadNothing(Language language) {
        ArticleSummary article = TestPortal.services().articles().latest(language, 1).get(0);
        tester.executeUrl(articlePath(language, article.slug()));
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains(language == Language.RO ? "Citește și" : "Читайте также"), "related articles");
        assertTrue(html.contains(language == Language.RO ? "/eticheta/" : "/metka/"), "tags link to their listing");
        assertTrue(html.contains("https://wa.me/?text="), "share by link");
        assertFalse(html.contains("<iframe"), "no embedded third-party widget");
        assertFalse(html.matches("(?s).*<script[^>]+src=\"https?://.*"), "no third-party script");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void categoryPageListsOnlyThatCategoryAndIsStateless(Language language) {
        tester.executeUrl((language == Language.RO ? "ro/categorie/" : "ru/kategoriya/") + "tari");
        tester.assertRenderedPage(CategoryPage.class);
        assertTrue(tester.getLastRenderedPage().isPageStateless());
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains(language == Language.RO ? "<h1>Ghiduri pe țări</h1>" : "<h1>Памятки по странам</h1>"));
        long countries = TestPortal.services().articles().published(language,
                md.migratiesigura.portal.article.ArticleFilter.category("tari"), 1, 100).total();
        // One article list, and as many items in it as the category has articles (the menus have lists of their own).
        assertEquals(2, html.split("class=\"article-list\"", -1).length);
        String list = html.substring(html.indexOf("class=\"article-list\""));
        list = list.substring(0, list.indexOf("</ul>"));
        assertEquals(countries, list.split("<li>", -1).length - 1);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void unknownCategoryIsNotFound(Language language) {
        tester.executeUrl((language == Language.RO ? "ro/categorie/" : "ru/kategoriya/") + "nu-exista");
        tester.assertRenderedPage(NotFoundPage.class);
        assertEquals(404, tester.getLastResponse().getStatus());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void tagPageListsTheTaggedArticles(Language language) {
        ArticleSummary article = TestPortal.services().articles().latest(language, 1).get(0);
        String tag = article.tags().get(0);
        tester.executeUrl((language == Language.RO ? "ro/eticheta/" : "ru/metka/") + tag);
        tester.assertRenderedPage(TagPage.class);
        assertTrue(tester.getLastResponseAsString().contains(TestPortal.escape(article.title())));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void datesAndCountsFollowTheLanguage(Language language) {
        tester.executeUrl(language.code() + "/");
        String html = tester.getLastResponseAsString();
        long count = TestPortal.services().articles().countPublished(language);
        String expected = language == Language.RO
                ? count + (count % 100 >= 1 && count % 100 <= 19 ? " articole publicate" : " de articole publicate")
                : Texts.plural("{0, plural, one{# статья опубликована} few{# статьи опубликованы} many{# статей опубликовано} other{# статьи опубликовано}}",
                        language.locale(), count);
        assertTrue(html.contains(expected), "expected '" + expected + "'");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void errorPageIsCalmLocalizedAndAnswers500(Language language) {
        // Rendered in place, as Wicket's exception mapper does: with mounts enforced it has no address of its own.
        tester.startPage(new ErrorPage(BasePage.parametersIn(language)));
        assertEquals(500, tester.getLastResponse().getStatus());
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains(language == Language.RO ? "Ceva nu a funcționat" : "Что-то пошло не так"));
        assertTrue(html.contains("tel:080077777"));
    }

    static String articlePath(Language language, String slug) {
        return language == Language.RO ? "ro/articole/" + slug : "ru/stati/" + slug;
    }

    static String searchPath(Language language) {
        return language == Language.RO ? "ro/cautare" : "ru/poisk";
    }
}
