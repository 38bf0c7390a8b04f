package md.migratiesigura.portal.article;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** When a published language version's facts were last checked ({@code reviewed}, or null) and against what. */
public record ArticleReview(LocalDate reviewed, List<ArticleSource> sources) implements Serializable {

    public ArticleReview {
        sources = List.copyOf(sources);
    }
}
