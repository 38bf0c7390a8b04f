package md.migratiesigura.portal.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A yearly figure the portal cannot see, entered by an administrator; grouped by the report section it belongs to. */
public enum Figure {
    HOTLINE_CALLS(Section.HOTLINE),
    HOTLINE_PREVENTION(Section.HOTLINE),
    HOTLINE_SOS(Section.HOTLINE),
    HOTLINE_REFERRED(Section.HOTLINE),
    HOTLINE_MOLDOVA_ISRAEL(Section.HOTLINE),
    SOS_CASES(Section.CASES),
    CONSULTATIONS_ONLINE(Section.CASES),
    CONSULTATIONS_SOS(Section.CASES),
    INFORMATION_SESSIONS(Section.PREVENTION),
    EXHIBITIONS(Section.PREVENTION),
    MATERIALS_HANDED_OUT(Section.PREVENTION),
    SOCIAL_MEDIA_POSTS(Section.PREVENTION),
    MEDIA_APPEARANCES(Section.PREVENTION);

    private final Section section;

    Figure(Section section) {
        this.section = section;
    }

    public Section section() {
        return section;
    }

    /** The column in {@code report_years}, and the key in the seed file ({@code hotline_calls}). */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<Figure> of(Section section) {
        return Arrays.stream(values()).filter(f -> f.section == section).toList();
    }

    /** The parts of the report, each with a free-text summary in both languages. */
    public enum Section {
        PLATFORM, HOTLINE, CASES, PREVENTION;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
