package md.migratiesigura.portal.article;

/** Where a language version of an article stands in the editorial workflow. */
public enum ArticleStatus {
    DRAFT,
    IN_REVIEW,
    SCHEDULED,
    PUBLISHED,
    UNPUBLISHED
}
