package md.migratiesigura.portal.report;

import java.io.Serializable;

/** Online consultations asked for through the portal in a year, and how many of them were SOS. */
public record ConsultationFigures(long total, long sos) implements Serializable {

    public static ConsultationFigures none() {
        return new ConsultationFigures(0, 0);
    }
}
