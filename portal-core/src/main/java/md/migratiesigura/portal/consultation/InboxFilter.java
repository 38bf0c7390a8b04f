package md.migratiesigura.portal.consultation;

/** The inbox's views: everything open, what is assigned to me (open), and what is closed. */
public enum InboxFilter {
    OPEN, MINE, CLOSED
}
