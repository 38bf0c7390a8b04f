package md.migratiesigura.portal.article;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import md.migratiesigura.portal.common.Language;

/** A published article with the slug of each language it is published in, for the sitemap. */
public record SitemapEntry(String key, Map<Language, String> slugs, Instant lastModified) implements Serializable {

    public SitemapEntry {
        slugs = Map.copyOf(slugs);
    }
}
