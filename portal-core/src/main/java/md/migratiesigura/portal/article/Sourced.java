package md.migratiesigura.portal.article;

import java.time.LocalDate;
import java.util.List;

/** What a reader is shown at the end of an article or a page: where its facts come from and when they were checked. */
public interface Sourced {

    /** When an editor last checked the text against its sources, or null. */
    LocalDate reviewed();

    /** When the text is to be checked again, or null. */
    LocalDate reviewBy();

    List<ArticleSource> sources();
}
