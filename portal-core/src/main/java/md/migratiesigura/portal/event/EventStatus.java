package md.migratiesigura.portal.event;

import java.util.Optional;

/** Planned, held, or cancelled (a cancelled event stays published, so that calendars learn of it). */
public enum EventStatus {
    PLANNED("planned"),
    HELD("held"),
    CANCELLED("cancelled");

    private final String code;

    EventStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<EventStatus> ofCode(String code) {
        for (EventStatus status : values()) {
            if (status.code.equals(code)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
