package md.migratiesigura.portal.report;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hotline's figures of a year as the factsheet prints them: computed from the counsellors' register when the
 * year has one ({@link Source#REGISTER}, with every month), else the yearly figures an administrator entered
 * ({@link Source#ENTERED}: only those the administrator can enter, and only once the year is published; the others
 * are null). docs/hotline-register.md maps each figure to how it is computed.
 */
public record HotlineFigures(Source source, Tally year, List<Tally> months) implements Serializable {

    /** Where the figures come from. */
    public enum Source {
        REGISTER("register"), ENTERED("entered");

        private final String code;

        Source(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** The groups of presumed victims the factsheet counts, by citizenship and where the exploitation happened. */
    public static final List<String> GROUPS = List.of("moldovan-abroad", "foreign-in-moldova", "moldovan-in-moldova",
            "foreign-abroad");
    public static final List<String> KINDS = List.of("israel-programme", "prevention", "referral", "sos");
    public static final List<String> CASES = List.of("presumed-victim", "at-risk", "notice", "missing");

    public HotlineFigures {
        months = List.copyOf(months);
    }

    public boolean fromRegister() {
        return source == Source.REGISTER;
    }

    /** The administrator's figures, when entered and published (else every figure is unknown). */
    public static HotlineFigures entered(YearFigures entered) {
        if (entered == null) {
            return new HotlineFigures(Source.ENTERED, Tally.unknown(), List.of());
        }
        Map<String, Long> byKind = new TreeMap<>();
        putKnown(byKind, "israel-programme", entered.value(Figure.HOTLINE_MOLDOVA_ISRAEL));
        putKnown(byKind, "prevention", entered.value(Figure.HOTLINE_PREVENTION));
        putKnown(byKind, "referral", entered.value(Figure.HOTLINE_REFERRED));
        putKnown(byKind, "sos", entered.value(Figure.HOTLINE_SOS));
        Tally year = new Tally(entered.value(Figure.HOTLINE_CALLS), byKind, entered.value(Figure.HOTLINE_REFERRED),
                entered.value(Figure.HOTLINE_SOS), null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                entered.value(Figure.CONSULTATIONS_ONLINE), null, entered.value(Figure.CONSULTATIONS_SOS), null, null);
        return new HotlineFigures(Source.ENTERED, year, List.of());
    }

    private static void putKnown(Map<String, Long> map, String key, Long value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /**
     * The figures of a month or a year; a null figure is unknown (an entered year), never zero.
     *
     * @param calls                 calls to the hotline (channel call)
     * @param byKind                calls by kind code
     * @param referred              calls referred to a service (kind referral)
     * @param sos                   SOS calls
     * @param persons               persons concerned by the SOS calls' cases
     * @param byCase                those persons by case type code
     * @param presumedVictims       the presumed victims among them, by group ({@link #GROUPS})
     * @param byCitizenship         the SOS calls' persons by citizenship (ISO code)
     * @param byCountry             the SOS calls' persons by country where it happened (ISO code)
     * @param byExploitation        the SOS calls' persons by form of exploitation (a person may count in several)
     * @param consultations         online consultations (channel consultation)
     * @param safeMigration         of which about safe migration (kind prevention)
     * @param sosConsultations      of which SOS
     * @param sosConsultationCases  SOS consultations that were cases
     * @param chats                 live chats (channel chat)
     */
    public record Tally(Long calls, Map<String, Long> byKind, Long referred, Long sos, Long persons,
                        Map<String, Long> byCase, Map<String, Group> presumedVictims, Map<String, Long> byCitizenship,
                        Map<String, Long> byCountry, Map<String, Long> byExploitation, Long consultations,
                        Long safeMigration, Long sosConsultations, Long sosConsultationCases, Long chats)
            implements Serializable {

        public Tally {
            byKind = new TreeMap<>(byKind);
            byCase = new TreeMap<>(byCase);
            presumedVictims = new TreeMap<>(presumedVictims);
            byCitizenship = new TreeMap<>(byCitizenship);
            byCountry = new TreeMap<>(byCountry);
            byExploitation = new TreeMap<>(byExploitation);
        }

        static Tally unknown() {
            return new Tally(null, Map.of(), null, null, null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), null,
                    null, null, null, null);
        }

        /** Calls of a kind; null when unknown. */
        public Long kind(String code) {
            return byKind.get(code);
        }
    }

    /** Presumed victims of one group: how many, of which citizenships, in which countries, by form of exploitation. */
    public record Group(long persons, Map<String, Long> byCitizenship, Map<String, Long> byCountry,
                        Map<String, Long> byExploitation) implements Serializable {

        public Group {
            byCitizenship = new TreeMap<>(byCitizenship);
            byCountry = new TreeMap<>(byCountry);
            byExploitation = new TreeMap<>(byExploitation);
        }
    }
}
