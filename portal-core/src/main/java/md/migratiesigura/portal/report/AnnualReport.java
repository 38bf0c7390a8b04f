package md.migratiesigura.portal.report;

import java.io.Serializable;
import java.util.List;

/**
 * The platform section of a year's factsheet, as {@code GET /api/v1/report/{year}} and the report pages show it.
 * Computed figures are public at any time; {@code entered} (what only an administrator knows) is null until the
 * year is published.
 *
 * @param months            twelve entries, January first
 * @param articlesPublished articles whose first translation was published in the year (Chisinau time)
 * @param entered           the administrator's figures and texts, or null when the year is not published
 * @param hotline           the hotline's figures: from the register when the year has one, else the entered ones
 * @param chat              the live chat's figures by month (none in the retrospective, which does not show them)
 */
public record AnnualReport(int year, List<MonthFigures> months, Totals totals, long articlesPublished,
                           EventFigures events, RiskCheckFigures riskChecks, ConsultationFigures consultations,
                           YearFigures entered, HotlineFigures hotline, ChatFigures chat) implements Serializable {

    /** A report whose hotline figures are the entered ones (a year without a register). */
    public AnnualReport(int year, List<MonthFigures> months, Totals totals, long articlesPublished,
                        EventFigures events, RiskCheckFigures riskChecks, ConsultationFigures consultations,
                        YearFigures entered) {
        this(year, months, totals, articlesPublished, events, riskChecks, consultations, entered,
                HotlineFigures.entered(entered), ChatFigures.none());
    }

    /** One month; {@code entered} when the figures come from the administrator's table, not from counting. */
    public record MonthFigures(int month, long visits, long uniqueVisitors, long pageviews, boolean entered)
            implements Serializable {
    }

    /** Sums of the months: unique visitors of a year are the sum of its months' (spec §6). */
    public record Totals(long visits, long uniqueVisitors, long pageviews) implements Serializable {
    }

    /** Whether any month's figures were entered rather than counted (the page says so). */
    public boolean hasEnteredMonths() {
        return months.stream().anyMatch(MonthFigures::entered);
    }

    public boolean isPublished() {
        return entered != null;
    }
}
