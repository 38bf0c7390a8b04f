package md.migratiesigura.portal.article;

import java.io.Serializable;
import md.migratiesigura.portal.common.Language;

/** A published page's language version, for lists, the navigation and the API. */
public record PageSummary(String key, Language language, String slug, String title) implements Serializable {
}
