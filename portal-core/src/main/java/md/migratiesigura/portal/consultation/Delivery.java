package md.migratiesigura.portal.consultation;

/** What became of a reply: it waits behind the ticket, the counsellor phones, or where its e-mail stands. */
public enum Delivery {
    /** Read on the portal with the ticket code and phrase (the channel chosen, or mail is off). */
    TICKET,
    /** The counsellor calls the number given; the reply also waits behind the ticket. */
    PHONE,
    EMAIL_PENDING,
    EMAIL_SENT,
    /** The SMTP server refused or could not be reached ({@link DeliveryFailure}); the reply is kept behind the ticket. */
    EMAIL_FAILED,
    /** An internal note: never delivered. */
    INTERNAL
}
