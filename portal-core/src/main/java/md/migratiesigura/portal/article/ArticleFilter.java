package md.migratiesigura.portal.article;

import java.io.Serializable;
import java.util.Optional;

/** Narrows a listing of articles: by category key, by tag, or neither. */
public record ArticleFilter(Optional<String> category, Optional<String> tag) implements Serializable {

    public static final ArticleFilter ALL = new ArticleFilter(Optional.empty(), Optional.empty());

    public static ArticleFilter category(String key) {
        return new ArticleFilter(Optional.of(key), Optional.empty());
    }

    public static ArticleFilter tag(String tag) {
        return new ArticleFilter(Optional.empty(), Optional.of(tag));
    }
}
