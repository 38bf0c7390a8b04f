package md.migratiesigura.portal.chat;

/** Why a chat request was refused; the web layer turns each reason into a status and a localized message. */
public final class ChatException extends RuntimeException {

    /** What went wrong. */
    public enum Reason {
        /** The token is wrong, or its chat has ended. */
        NO_CHAT,
        EMPTY,
        TOO_LONG,
        TOO_MANY,
        /** A counsellor ended and blocked an abusive chat from this address (24 hours). */
        BLOCKED,
        /** The counsellor holds as many chats as allowed, or the chat is no longer waiting. */
        NOT_POSSIBLE
    }

    private final Reason reason;

    public ChatException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
