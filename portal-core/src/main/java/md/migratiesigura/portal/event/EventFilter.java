package md.migratiesigura.portal.event;

import java.io.Serializable;
import java.time.YearMonth;

/** The public listing's filters; null means any. The month is in Chisinau time. */
public record EventFilter(EventType type, District district, YearMonth month) implements Serializable {

    public static final EventFilter ALL = new EventFilter(null, null, null);
}
