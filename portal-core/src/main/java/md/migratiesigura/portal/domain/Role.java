package md.migratiesigura.portal.domain;

/** What a back-office user may do. */
public enum Role {
    ADMINISTRATOR,
    EDITOR,
    TRAINER,
    COUNSELLOR
}
