package md.migratiesigura.portal.visits;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import md.migratiesigura.portal.common.PortalTime;

/** A calendar month in Chisinau time, the unit visitors are counted in. */
public record Month(int year, int month) implements Comparable<Month> {

    private static final ZoneId ZONE = PortalTime.ZONE;

    public static Month of(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, ZONE);
        return new Month(day.getYear(), day.getMonthValue());
    }

    public static Month of(YearMonth ym) {
        return new Month(ym.getYear(), ym.getMonthValue());
    }

    public YearMonth yearMonth() {
        return YearMonth.of(year, month);
    }

    public Month previous() {
        return of(yearMonth().minusMonths(1));
    }

    public Month next() {
        return of(yearMonth().plusMonths(1));
    }

    /** The first instant of the following month: visits of this month end before it. */
    public Instant end() {
        return yearMonth().plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
    }

    /** A number that orders months, for SQL comparisons. */
    public int index() {
        return year * 12 + month - 1;
    }

    @Override
    public int compareTo(Month other) {
        return Integer.compare(index(), other.index());
    }

    @Override
    public String toString() {
        return yearMonth().toString();
    }
}
