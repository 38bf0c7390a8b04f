package md.migratiesigura.portal.register;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import md.migratiesigura.portal.report.HotlineFigures;

/**
 * Adds register entries up into the factsheet's hotline figures (docs/hotline-register.md has the table): calls by
 * kind; the persons of the SOS calls' cases by case type, citizenship, country and form of exploitation, and the
 * presumed victims by group; consultations; chats.
 */
final class HotlineTally {

    /** What counting needs of one entry. */
    record Row(EntryChannel channel, EntryKind kind, CaseType caseType, int persons, String citizenship,
               String country, Set<Exploitation> exploitation) {
    }

    private long calls;
    private final Map<String, Long> byKind = zeros(HotlineFigures.KINDS);
    private long persons;
    private final Map<String, Long> byCase = zeros(HotlineFigures.CASES);
    private final Map<String, Long> byCitizenship = new HashMap<>();
    private final Map<String, Long> byCountry = new HashMap<>();
    private final Map<String, Long> byExploitation = new HashMap<>();
    private final Map<String, GroupTally> groups = new LinkedHashMap<>();
    private long consultations;
    private long safeMigration;
    private long sosConsultations;
    private long sosConsultationCases;
    private long chats;

    HotlineTally() {
        HotlineFigures.GROUPS.forEach(g -> groups.put(g, new GroupTally()));
    }

    void add(Row row) {
        switch (row.channel()) {
            case CALL -> addCall(row);
            case CONSULTATION -> {
                consultations++;
                if (row.kind() == EntryKind.PREVENTION) {
                    safeMigration++;
                }
                if (row.kind() == EntryKind.SOS) {
                    sosConsultations++;
                    if (row.caseType() != null) {
                        sosConsultationCases++;
                    }
                }
            }
            case CHAT -> chats++;
        }
    }

    private void addCall(Row row) {
        calls++;
        byKind.merge(row.kind().code(), 1L, Long::sum);
        if (row.kind() != EntryKind.SOS || row.caseType() == null) {
            return;
        }
        long n = row.persons();
        persons += n;
        byCase.merge(row.caseType().code(), n, Long::sum);
        if (row.citizenship() != null) {
            byCitizenship.merge(row.citizenship(), n, Long::sum);
        }
        if (row.country() != null) {
            byCountry.merge(row.country(), n, Long::sum);
        }
        row.exploitation().forEach(e -> byExploitation.merge(e.code(), n, Long::sum));
        if (row.caseType() == CaseType.PRESUMED_VICTIM) {
            groups.get(group(row.citizenship(), row.country())).add(row);
        }
    }

    /** The factsheet's groups of presumed victims: Moldovan or foreign citizens, exploited in Moldova or abroad. */
    static String group(String citizenship, String country) {
        boolean moldovan = NewEntry.MOLDOVA.equals(citizenship);
        boolean inMoldova = NewEntry.MOLDOVA.equals(country);
        return (moldovan ? "moldovan" : "foreign") + (inMoldova ? "-in-moldova" : "-abroad");
    }

    HotlineFigures.Tally tally() {
        Map<String, HotlineFigures.Group> presumed = new LinkedHashMap<>();
        groups.forEach((name, g) -> presumed.put(name, g.group()));
        return new HotlineFigures.Tally(calls, byKind, byKind.get("referral"), byKind.get("sos"), persons, byCase,
                presumed, byCitizenship, byCountry, byExploitation, consultations, safeMigration, sosConsultations,
                sosConsultationCases, chats);
    }

    private static Map<String, Long> zeros(Iterable<String> keys) {
        Map<String, Long> map = new LinkedHashMap<>();
        keys.forEach(k -> map.put(k, 0L));
        return map;
    }

    /** The presumed victims of one group. */
    private static final class GroupTally {
        private long persons;
        private final Map<String, Long> byCitizenship = new HashMap<>();
        private final Map<String, Long> byCountry = new HashMap<>();
        private final Map<String, Long> byExploitation = new HashMap<>();

        void add(Row row) {
            long n = row.persons();
            persons += n;
            byCitizenship.merge(row.citizenship(), n, Long::sum);
            byCountry.merge(row.country(), n, Long::sum);
            row.exploitation().forEach(e -> byExploitation.merge(e.code(), n, Long::sum));
        }

        HotlineFigures.Group group() {
            return new HotlineFigures.Group(persons, byCitizenship, byCountry, byExploitation);
        }
    }
}
