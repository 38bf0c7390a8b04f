package md.migratiesigura.portal.chat;

import java.util.Locale;

/** Who wrote a message. */
public enum Sender {
    READER,
    COUNSELLOR,
    SYSTEM;

    /** As the API names it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Sender of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
