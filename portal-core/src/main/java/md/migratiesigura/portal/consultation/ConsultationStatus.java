package md.migratiesigura.portal.consultation;

/** Open until a counsellor closes it; the retention period starts then. */
public enum ConsultationStatus {
    OPEN, CLOSED
}
