package md.migratiesigura.portal.event;

import java.util.Optional;

/** What kind of event; the codes are the ones of the content files and the API (spec §4). Stored by code. */
public enum EventType {
    SCHOOL_SESSION("school-session"),
    EXHIBITION("exhibition"),
    CAMPAIGN("campaign"),
    TRAINING("training"),
    MEDIA("media"),
    COMMUNITY("community");

    private final String code;

    EventType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<EventType> ofCode(String code) {
        for (EventType type : values()) {
            if (type.code.equals(code)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
