package md.migratiesigura.portal.consultation;

/**
 * Why the SMTP server did not take a reply: all that is kept of a failed delivery. The server's own text is never
 * stored nor logged, as it often quotes the recipient's address; the counsellor sees an explanation of the code.
 */
public enum DeliveryFailure {
    /** The server refused the portal's user name or password. */
    AUTH,
    /** The server refused the recipient's address (or the address could not be used at all). */
    RECIPIENT_REFUSED,
    /** The server could not be reached. */
    CONNECT,
    /** The secure connection (TLS or STARTTLS) failed. */
    TLS,
    /** The server did not answer in time. */
    TIMEOUT,
    /** Anything else. */
    OTHER
}
