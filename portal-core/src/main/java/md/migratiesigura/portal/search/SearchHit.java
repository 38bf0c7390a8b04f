package md.migratiesigura.portal.search;

import java.io.Serializable;
import md.migratiesigura.portal.common.Language;

/**
 * One result. {@code snippet} is HTML: the text is escaped and only {@code <mark>} tags surround the matches.
 */
public record SearchHit(String type, String key, Language language, String slug, String title, String snippet)
        implements Serializable {
}
