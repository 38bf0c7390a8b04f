package md.migratiesigura.portal.report;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events held in a year: how many of each type (spec §4: school-session, exhibition, campaign, training, media,
 * community), participants and materials handed out at them.
 */
public record EventFigures(Map<String, Long> byType, long participants, long materials) implements Serializable {

    public static final List<String> TYPES = List.of("school-session", "exhibition", "campaign", "training", "media",
            "community");

    public EventFigures {
        byType = Map.copyOf(byType);
    }

    /** Every type with zero: what the report shows until the events feature counts. */
    public static EventFigures none() {
        Map<String, Long> zeros = new LinkedHashMap<>();
        TYPES.forEach(t -> zeros.put(t, 0L));
        return new EventFigures(zeros, 0, 0);
    }

    public long count(String type) {
        return byType.getOrDefault(type, 0L);
    }
}
