package md.migratiesigura.portal.chat;

import java.util.Locale;

/** Where a chat is: waiting for a counsellor, talking, or over. */
public enum ChatState {
    QUEUED,
    ACTIVE,
    ENDED;

    /** As the API names it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ChatState of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
