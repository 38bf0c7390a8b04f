package md.migratiesigura.portal.report;

import java.io.Serializable;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * A year before the portal existed, as the hotline's published factsheet of that year gives it: the headline figures
 * an administrator copied (each one absent when the factsheet does not give it) and which factsheet they come from.
 * The retrospective shows such a year as "entered from the published factsheet", with its source.
 *
 * @param source    the published factsheet the figures were copied from (its title, or its address)
 * @param enteredAt when the figures were last saved; null for a year not saved yet
 */
public record EarlierYear(int year, Map<Figure, Long> values, String source, Instant enteredAt)
        implements Serializable {

    public EarlierYear {
        values = values.isEmpty() ? new EnumMap<>(Figure.class) : new EnumMap<>(values);
    }

    /** The figure, or null when the factsheet does not give it. */
    public Long value(Figure figure) {
        return values.get(figure);
    }
}
