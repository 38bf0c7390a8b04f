package md.migratiesigura.portal.web.common;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.PortalApplication;

/**
 * Absolute public addresses, for places that live outside a Wicket request (the API, feeds, the sitemap). The
 * paths are the ones mounted in {@link PortalApplication}.
 */
public final class PublicUrls {

    private final String base;

    public PublicUrls(String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String home(Language language) {
        return base + "/" + language.code() + "/";
    }

    public String article(Language language, String slug) {
        return base + (language == Language.RO ? "/ro/articole/" : "/ru/stati/") + slug;
    }

    public String category(Language language, String key) {
        return base + (language == Language.RO ? "/ro/categorie/" : "/ru/kategoriya/") + key;
    }

    public String feed(Language language) {
        return base + "/" + language.code() + "/feed.atom";
    }

    public String report(Language language, int year) {
        return base + reportPath(language, year);
    }

    /** The report page's path: {@code /ro/raport/2025}, {@code /ru/otchet/2025}; its downloads live below it. */
    public static String reportPath(Language language, int year) {
        return (language == Language.RO ? "/ro/raport/" : "/ru/otchet/") + year;
    }

    public String sitemap() {
        return base + "/sitemap.xml";
    }

    public String search(Language language, String query) {
        return base + (language == Language.RO ? "/ro/cautare?q=" : "/ru/poisk?q=")
                + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    /** The online consultation page (its own issue); linked from the check's result. */
    public static String consultationPath(Language language) {
        return language == Language.RO ? "/ro/consultatie" : "/ru/konsultatsiya";
    }

    // ------------------------------------------------------------------ events
    /** The events listing's path: {@code /ro/evenimente}, {@code /ru/sobytiya}. */
    public static String eventsPath(Language language) {
        return language == Language.RO ? "/ro/evenimente" : "/ru/sobytiya";
    }

    public String events(Language language) {
        return base + eventsPath(language);
    }

    public String event(Language language, String key) {
        return base + eventsPath(language) + "/" + key;
    }

    /** The subscribable calendar of a language: {@code /ro/evenimente.ics}. */
    public String eventsCalendar(Language language) {
        return base + eventsPath(language) + ".ics";
    }

    /** One event's calendar file: {@code /ro/evenimente/{key}.ics}. */
    public String eventCalendar(Language language, String key) {
        return base + eventsPath(language) + "/" + key + ".ics";
    }

    /** The host of the public address, for iCalendar UIDs ({@code key@host}). */
    public String host() {
        return java.net.URI.create(base).getHost();
    }
}
