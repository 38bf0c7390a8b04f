package md.migratiesigura.portal.visits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bots, preview fetchers and tools are told from readers by the maintained list and the extra patterns. */
class UserAgentsTest {

    private static final UserAgents AGENTS = UserAgents.standard();

    @Test
    void everyExampleOfTheVendoredCrawlerListIsRecognised() {
        List<String> missed = new ArrayList<>();
        int examples = 0;
        for (JsonNode entry : UserAgents.crawlerList()) {
            for (JsonNode instance : entry.path("instances")) {
                examples++;
                if (!AGENTS.isBot(instance.asText())) {
                    missed.add(entry.get("pattern").asText() + " ← " + instance.asText());
                }
            }
        }
        assertTrue(examples > 1000, "the list has its examples: " + examples);
        assertEquals(List.of(), missed);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "WhatsApp/2.23.20.0 A", "Viber/21.0 (Android)", "TelegramBot (like TwitterBot)",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "Slackbot-LinkExpanding 1.0",
            "curl/8.5.0", "Wget/1.21.4", "wrk", "ApacheBench/2.3", "ab/2.3", "Gatling/3.9", "k6/0.49.0 (https://k6.io/)",
            "python-requests/2.31.0", "Go-http-client/1.1", "Java/17.0.9", "Java-http-client/17.0.9", "okhttp/4.12.0",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)", " "})
    void botsToolsAndPreviewFetchersAreNotReaders(String userAgent) {
        assertTrue(AGENTS.isBot(userAgent), userAgent);
    }

    @Test
    void anAbsentUserAgentIsNotAReader() {
        assertTrue(AGENTS.isBot(null));
        assertTrue(AGENTS.isBot(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Mozilla/5.0 (Linux; Android 13; SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0",
            "Mozilla/5.0 (Linux; Android 12; Redmi Note 11) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36 OPR/79.0.0.0",
            "Mozilla/5.0 (Linux; Android 13; SM-G991B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/440.0]",
            "Opera/9.80 (J2ME/MIDP; Opera Mini/9.80 (S60; SymbOS; Opera Mobi/23.348; U; en) Presto/2.5.25 Version/10.54"})
    void peoplesBrowsersAndInAppBrowsersAreReaders(String userAgent) {
        assertFalse(AGENTS.isBot(userAgent), userAgent);
    }

    @Test
    void plainPatternsAreReadAsTextAndTheRestStayExpressions() {
        assertEquals("yandex.com/bots", UserAgents.literal("yandex\\.com\\/bots"));
        assertEquals(null, UserAgents.literal("[wW]get"));
        assertEquals(null, UserAgents.literal("BlogTraffic\\/\\d\\.\\d+"));
        assertEquals("BlogTraffic/", UserAgents.guard("BlogTraffic\\/\\d\\.\\d+"));
        assertEquals("AdsBot-Googl", UserAgents.guard("AdsBot-Google?x"), "a quantified character is not required");
        assertEquals(null, UserAgents.guard("Abc|Xyz"), "either side may match alone");
        assertEquals("get", UserAgents.guard("[wW]get"));
        assertEquals("rawler", UserAgents.guard("(sistrix|SISTRIX) [cC]rawler"));
        assertEquals(null, UserAgents.guard("[Ww]\\d+"));
        assertEquals(List.of("Chirp", "gotosocial"), UserAgents.alternatives("Chirp|gotosocial"));
        assertEquals(List.of("Ahrefs(Bot|SiteAudit)"), UserAgents.alternatives("Ahrefs(Bot|SiteAudit)"));
    }

    @Test
    void deviceClassesComeFromTheUserAgent() {
        assertEquals(DeviceClass.MOBILE, DeviceClass.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) Mobile/15E148"));
        assertEquals(DeviceClass.MOBILE, DeviceClass.of("Mozilla/5.0 (Linux; Android 13) Chrome/120 Mobile Safari/537.36"));
        assertEquals(DeviceClass.TABLET, DeviceClass.of("Mozilla/5.0 (Linux; Android 13; SM-X200) Chrome/120 Safari/537.36"));
        assertEquals(DeviceClass.TABLET, DeviceClass.of("Mozilla/5.0 (iPad; CPU OS 17_2 like Mac OS X) Safari/604.1"));
        assertEquals(DeviceClass.DESKTOP, DeviceClass.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Firefox/121.0"));
    }

    @Test
    void referrersKeepOnlyTheirClassAndDomain() {
        assertEquals(new ReferrerClass.Classified(ReferrerClass.SEARCH, "google.com"),
                ReferrerClass.classify("https://www.google.com/search?q=munca+germania", "portal.md"));
        assertEquals(new ReferrerClass.Classified(ReferrerClass.SEARCH, "yandex.ru"),
                ReferrerClass.classify("https://yandex.ru/", "portal.md"));
        assertEquals(new ReferrerClass.Classified(ReferrerClass.SITE, "lastrada.md"),
                ReferrerClass.classify("https://www.lastrada.md/ro/proiecte/abc?id=7", "portal.md"));
        assertEquals(new ReferrerClass.Classified(ReferrerClass.INTERNAL, null),
                ReferrerClass.classify("https://portal.md/ro/", "portal.md"));
        assertEquals(new ReferrerClass.Classified(ReferrerClass.DIRECT, null), ReferrerClass.classify(null, "portal.md"));
        assertEquals(new ReferrerClass.Classified(ReferrerClass.DIRECT, null), ReferrerClass.classify("not a url %%", "portal.md"));
    }
}
