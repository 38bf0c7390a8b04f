package md.migratiesigura.portal.consultation;

/** A reply reaches the person; a note stays among the staff. */
public enum MessageKind {
    REPLY, NOTE
}
