package md.migratiesigura.portal.consultation;

import md.migratiesigura.portal.report.ConsultationFigures;
import md.migratiesigura.portal.report.ReportSources;

/** The consultations' part of the annual report: how many were asked in the year, and how many were SOS. */
public final class ConsultationReportSource implements ReportSources.ConsultationStatistics {

    private final ConsultationCounts counts;

    public ConsultationReportSource(ConsultationCounts counts) {
        this.counts = counts;
    }

    @Override
    public ConsultationFigures forYear(int year) {
        long total = 0;
        long sos = 0;
        for (ConsultationCounts.MonthlyCount count : counts.counts(year)) {
            total += count.consultations();
            if (count.sos()) {
                sos += count.consultations();
            }
        }
        return new ConsultationFigures(total, sos);
    }
}
