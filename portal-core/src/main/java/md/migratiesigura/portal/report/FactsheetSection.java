package md.migratiesigura.portal.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The sections of the hotline's annual factsheet, in its order, which the year's page and PDF follow so that the
 * director can publish them as the year's factsheet: the service, the platform's visits by month, the calls by kind,
 * the SOS cases, the online consultations, the live chat, prevention and training, the partners.
 */
public enum FactsheetSection {
    SERVICE(null),
    VISITS(Figure.Section.PLATFORM),
    CALLS(Figure.Section.HOTLINE),
    SOS(Figure.Section.CASES),
    CONSULTATIONS(null),
    CHAT(null),
    PREVENTION(Figure.Section.PREVENTION),
    PARTNERS(null);

    private final Figure.Section summary;

    FactsheetSection(Figure.Section summary) {
        this.summary = summary;
    }

    /** Its key in texts and anchors: {@code calls}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The part whose administrator's summary is printed in this section, or null. */
    public Figure.Section summary() {
        return summary;
    }

    /** The section an entered figure is printed in. */
    public static FactsheetSection of(Figure figure) {
        return switch (figure) {
            case HOTLINE_CALLS, HOTLINE_PREVENTION, HOTLINE_SOS, HOTLINE_REFERRED, HOTLINE_MOLDOVA_ISRAEL -> CALLS;
            case SOS_CASES -> SOS;
            case CONSULTATIONS_ONLINE, CONSULTATIONS_SOS -> CONSULTATIONS;
            case INFORMATION_SESSIONS, EXHIBITIONS, MATERIALS_HANDED_OUT, SOCIAL_MEDIA_POSTS, MEDIA_APPEARANCES ->
                    PREVENTION;
        };
    }

    /** The entered figures printed in this section, in the factsheet's order. */
    public List<Figure> figures() {
        return Arrays.stream(Figure.values()).filter(f -> of(f) == this).toList();
    }
}
