package md.migratiesigura.portal.common;

/** What a back-office user may do. */
public enum Role {
    ADMINISTRATOR,
    EDITOR,
    TRAINER,
    COUNSELLOR
}
