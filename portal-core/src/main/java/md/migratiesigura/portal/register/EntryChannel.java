package md.migratiesigura.portal.register;

import java.util.Optional;

/**
 * How the person reached the hotline: a call to 0 800 77777, the portal's live chat, an online consultation. Stored
 * and exchanged (CSV, API) by code: never change a code, add new ones.
 */
public enum EntryChannel {
    CALL("call"),
    CHAT("chat"),
    CONSULTATION("consultation");

    private final String code;

    EntryChannel(String code) {
        this.code = code;
    }

    /** The stable code: in the database, the CSV, the API, form values and message keys. */
    public String code() {
        return code;
    }

    public static Optional<EntryChannel> ofCode(String code) {
        for (EntryChannel value : values()) {
            if (value.code.equals(code)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
