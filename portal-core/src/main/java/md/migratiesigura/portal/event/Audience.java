package md.migratiesigura.portal.event;

import java.util.Optional;

/** Who an event is for; an event may have several. Stored by code. */
public enum Audience {
    PUPILS("pupils"),
    STUDENTS("students"),
    YOUNG_PEOPLE("young-people"),
    PROFESSIONALS("professionals"),
    GENERAL_PUBLIC("general-public");

    private final String code;

    Audience(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Audience> ofCode(String code) {
        for (Audience audience : values()) {
            if (audience.code.equals(code)) {
                return Optional.of(audience);
            }
        }
        return Optional.empty();
    }
}
