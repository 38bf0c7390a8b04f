package md.migratiesigura.portal.register;

import java.util.Optional;

/**
 * The case behind an SOS or referral contact, as the factsheet counts persons: presumed victims of trafficking,
 * persons at risk, notices of presumed cases, missing persons. Stored and exchanged (CSV, API) by code: never change
 * a code, add new ones.
 */
public enum CaseType {
    PRESUMED_VICTIM("presumed-victim"),
    AT_RISK("at-risk"),
    NOTICE("notice"),
    MISSING("missing");

    private final String code;

    CaseType(String code) {
        this.code = code;
    }

    /** The stable code: in the database, the CSV, the API, form values and message keys. */
    public String code() {
        return code;
    }

    public static Optional<CaseType> ofCode(String code) {
        for (CaseType value : values()) {
            if (value.code.equals(code)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
