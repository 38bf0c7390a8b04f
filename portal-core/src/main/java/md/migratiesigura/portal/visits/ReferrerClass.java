package md.migratiesigura.portal.visits;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a visit arrived, from the {@code Referer} of its first pageview: a search engine, another site, or directly
 * (typed, bookmarked, an app, or a browser that sends no referrer). Only the other site's domain is kept, never its
 * path or query.
 */
public enum ReferrerClass {
    DIRECT, SEARCH, SITE, INTERNAL;

    static final int MAX_DOMAIN = 100;
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9.:\\[\\]-]+");

    private static final List<String> SEARCH_ENGINES = List.of("google.", "bing.com", "yandex.", "ya.ru",
            "duckduckgo.com", "yahoo.", "ecosia.org", "baidu.com", "search.brave.com", "qwant.com", "startpage.com",
            "go.mail.ru", "search.seznam.cz", "yep.com");

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The referrer's class and domain; {@code ownHost} is this portal's host name (links between its pages). */
    public static Classified classify(String referer, String ownHost) {
        if (referer == null || referer.isBlank()) {
            return new Classified(DIRECT, null);
        }
        String host;
        try {
            host = URI.create(referer.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return new Classified(DIRECT, null);
        }
        if (host == null || host.isBlank()) {
            return new Classified(DIRECT, null);
        }
        String domain = host.toLowerCase(Locale.ROOT);
        if (domain.startsWith("www.")) {
            domain = domain.substring(4);
        }
        if (domain.length() > MAX_DOMAIN || !DOMAIN.matcher(domain).matches()) {
            return new Classified(SITE, null);
        }
        if (ownHost != null && host.equalsIgnoreCase(ownHost)) {
            return new Classified(INTERNAL, null);
        }
        for (String engine : SEARCH_ENGINES) {
            if (domain.startsWith(engine) || domain.contains("." + engine)) {
                return new Classified(SEARCH, domain);
            }
        }
        return new Classified(SITE, domain);
    }

    /** A class and, for other sites and search engines, the domain (without {@code www.}). */
    public record Classified(ReferrerClass type, String domain) {
    }
}
