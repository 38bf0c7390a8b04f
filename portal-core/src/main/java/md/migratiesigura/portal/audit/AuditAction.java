package md.migratiesigura.portal.audit;

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
    /** The events feature: a trainer created or changed an event. */
    EVENT_CREATED,
    EVENT_SAVED,
    /** Account security: the password was right and the second factor's code is asked for. */
    LOGIN_CODE_REQUIRED,
    /** A wrong, reused or late second-factor code at login (detail says which when known). */
    LOGIN_CODE_FAILED,
    LOGIN_CODE_THROTTLED,
    TOTP_ENABLED,
    /** A wrong code when confirming the second factor: it stays off. */
    TOTP_ENROLMENT_FAILED,
    /** An administrator turned a user's second factor off (lost phone). */
    TOTP_RESET,
    PASSWORD_CHANGED,
    /** The current password typed to change it was wrong. */
    PASSWORD_CHANGE_FAILED,
    PASSWORD_CHANGE_THROTTLED,
    /** An administrator set a new password for a user. */
    PASSWORD_RESET,
    /** An administrator ended every session of a user. */
    SESSIONS_ENDED,
    /** Online consultations: the target is the ticket code, never any text of the question or the replies. */
    CONSULTATION_VIEWED,
    CONSULTATION_ASSIGNED,
    CONSULTATION_REPLIED,
    CONSULTATION_NOTE_ADDED,
    CONSULTATION_REFERRED,
    CONSULTATION_CLOSED,
    /** The retention job deleted the texts of consultations closed long enough ago; the detail is how many. */
    CONSULTATIONS_DELETED,
    REFERRAL_ADDED,
    REFERRAL_RENAMED,
    REFERRAL_RETIRED,
    REFERRAL_RESTORED,
    /** An editor applied an import of the licensed-agency registry; the detail has the counts. */
    AGENCIES_IMPORTED,
    /** An editor replaced a language's public navigation; the detail lists its entries. */
    NAVIGATION_SAVED,
    /** The hotline register: the target is the entry's number, never what it says. */
    REGISTER_ENTRY_CORRECTED,
    REGISTER_ENTRY_DELETED,
    /** A year's register imported from CSV; the detail has the count. */
    REGISTER_IMPORTED,
    /** Search: an editor added or removed a line of a language's equivalent-word list (target: the language). */
    SEARCH_WORDS_ADDED,
    SEARCH_WORDS_REMOVED,
    /** The live chat: a counsellor ended an abusive chat and blocked its address (target "chat #id", never text). */
    CHAT_BLOCKED,
    /** An administrator added or deleted a canned answer of the chat (target: the language, never the text). */
    CANNED_ANSWER_SAVED,
    CANNED_ANSWER_DELETED,
    /** A year before the portal: an administrator entered or changed its figures from its factsheet, or deleted them. */
    EARLIER_YEAR_SAVED,
    EARLIER_YEAR_DELETED,
    /** Information materials: the target is the material's key; the detail names the language and file kind. */
    MATERIAL_CREATED,
    MATERIAL_FILE_REPLACED,
    MATERIAL_SAVED,
    MATERIAL_RETIRED,
    MATERIAL_RESTORED
}
