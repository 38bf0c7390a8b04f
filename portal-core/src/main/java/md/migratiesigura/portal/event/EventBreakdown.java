package md.migratiesigura.portal.event;

import java.io.Serializable;
import java.util.List;

/** Held events of a year per month (1–12, all twelve) and per district (those with any), from the event records. */
public record EventBreakdown(int year, List<Row> months, List<Row> districts) implements Serializable {

    /** @param label the month number ("1"…"12") or the district key */
    public record Row(String label, long events, long participants, long materials) implements Serializable {
    }

    public EventBreakdown {
        months = List.copyOf(months);
        districts = List.copyOf(districts);
    }
}
