package md.migratiesigura.portal.article;

/** What made a revision. Stored by name: never rename a constant, add new ones. */
public enum RevisionAction {
    CREATED,
    SAVED,
    SUBMITTED,
    PUBLISHED,
    SCHEDULED,
    UNPUBLISHED,
    RESTORED,
    PUBLISHED_BY_SCHEDULE,
    /** Sources and review dates brought in by the content import from a file reviewed later. */
    REVIEW_IMPORTED
}
