package md.migratiesigura.portal.domain;

/** What an audit log entry records. Stored by name: never rename a constant, add new ones. */
public enum AuditAction {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    /** Refused by the login throttle before the password was checked. */
    LOGIN_THROTTLED,
    LOGOUT,
    USER_CREATED,
    USER_ENABLED,
    USER_DISABLED,
    ACCESS_DENIED,
    /** The annual report: an administrator saved a year's figures and texts, its monthly figures, or (un)published it. */
    REPORT_FIGURES_SAVED,
    REPORT_MONTHS_SAVED,
    REPORT_PUBLISHED,
    REPORT_UNPUBLISHED,
    ARTICLE_CREATED,
    ARTICLE_SAVED,
    ARTICLE_SUBMITTED,
    ARTICLE_PUBLISHED,
    ARTICLE_SCHEDULED,
    ARTICLE_UNPUBLISHED,
    ARTICLE_RESTORED,
    /** Published by the scheduler at its time; the detail says "late" when the portal was down at that time. */
    ARTICLE_PUBLISHED_BY_SCHEDULE,
    IMAGE_UPLOADED,
    /** An editor applied an import of the licensed-agency registry; the detail has the counts. */
    AGENCIES_IMPORTED
}
