package md.migratiesigura.portal.domain;

/** Where a language version of an article stands in the editorial workflow. */
public enum ArticleStatus {
    DRAFT,
    IN_REVIEW,
    SCHEDULED,
    PUBLISHED,
    UNPUBLISHED
}
