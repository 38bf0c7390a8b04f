package md.migratiesigura.portal.article;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import md.migratiesigura.portal.common.Language;

/** An article in a list: enough to show a card and link to it. */
public record ArticleSummary(String key, Language language, String slug, String title, String summary,
                             Instant publishedAt, String categoryKey, String categoryName, int readingMinutes,
                             List<String> tags) implements Serializable {

    public ArticleSummary {
        tags = List.copyOf(tags);
    }
}
