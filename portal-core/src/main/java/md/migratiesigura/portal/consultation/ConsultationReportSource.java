package md.migratiesigura.portal.consultation;

import md.migratiesigura.portal.report.ConsultationFigures;
import md.migratiesigura.portal.report.ReportSources;

/** The consultations' part of the annual report: how many were asked in the year, and how many were SOS. */
public final class ConsultationReportSource implements ReportSources.ConsultationStatistics {

    private final ConsultationService consultations;

    public ConsultationReportSource(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @Override
    public ConsultationFigures forYear(int year) {
        long total = 0;
        long sos = 0;
        for (ConsultationService.MonthlyCount count : consultations.counts(year)) {
            total += count.consultations();
            if (count.sos()) {
                sos += count.consultations();
            }
        }
        return new ConsultationFigures(total, sos);
    }
}
