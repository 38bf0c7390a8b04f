package md.migratiesigura.portal.search;

import java.time.Instant;
import md.migratiesigura.portal.common.Language;

/**
 * What the index holds of one language version of a published item.
 *
 * @param type    "article", "event", …
 * @param key     the item's key (the content folder's key); with type it names the item
 * @param slug    the last segment of the item's public address in this language
 * @param visibleFrom when it becomes public (a scheduled article is indexed, and found only from then)
 */
public record SearchDocument(String type, String key, Language language, String slug, String title, String summary,
                             String body, String category, Instant visibleFrom) {

    /** The id of this language version in the index. */
    public String id() {
        return type + ":" + key + ":" + language.code();
    }

    /** The id shared by all language versions of the item, for replacing them together. */
    public static String itemRef(String type, String key) {
        return type + ":" + key;
    }
}
