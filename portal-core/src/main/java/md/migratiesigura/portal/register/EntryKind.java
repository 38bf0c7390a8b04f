package md.migratiesigura.portal.register;

import java.util.Optional;

/**
 * What the contact was about, in the factsheet's categories: prevention (safe migration), the Moldova-Israel
 * programme, a referral to a service, or SOS (a case of trafficking or exploitation). Stored and exchanged (CSV,
 * API) by code: never change a code, add new ones.
 */
public enum EntryKind {
    PREVENTION("prevention"),
    ISRAEL_PROGRAMME("israel-programme"),
    REFERRAL("referral"),
    SOS("sos");

    private final String code;

    EntryKind(String code) {
        this.code = code;
    }

    /** The stable code: in the database, the CSV, the API, form values and message keys. */
    public String code() {
        return code;
    }

    public static Optional<EntryKind> ofCode(String code) {
        for (EntryKind value : values()) {
            if (value.code.equals(code)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
