package md.migratiesigura.portal.register;

import java.io.Serializable;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.content.CsvTable;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * A year's register from CSV (docs/hotline-register.md): UTF-8, comma- or semicolon-separated, the header
 * {@code date,channel,kind,service,case,persons,citizenship,country,exploitation} in any order. Every row is read
 * and checked first; a file with any problem, or for a year that already has entries, imports nothing. Rows go in
 * with batched inserts in one transaction.
 */
public final class RegisterImport {

    /** The largest file accepted: 10 MB (a busy year is some ten thousand lines of about 50 bytes). */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    static final List<String> COLUMNS = List.of("date", "channel", "kind", "service", "case", "persons",
            "citizenship", "country", "exploitation");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MOLDOVAN = DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final int BATCH = 1000;

    private final SessionFactory sessionFactory;
    private final AuditService audit;
    private final Clock clock;

    RegisterImport(SessionFactory sessionFactory, AuditService audit, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What a file would import.
     *
     * @param year     the file's year (0 when no row was read)
     * @param entries  every well-formed row, in file order
     * @param problems what is wrong, by line (0: the file as a whole), in file order; empty when it can be imported
     */
    public record Preview(int year, List<NewEntry> entries, List<Problem> problems) implements Serializable {

        public Preview {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }

        public boolean canApply() {
            return problems.isEmpty() && !entries.isEmpty();
        }

        /** How many entries of a channel the file holds. */
        public long count(EntryChannel channel) {
            return entries.stream().filter(e -> e.channel() == channel).count();
        }

        /** How many calls of a kind the file holds. */
        public long calls(EntryKind kind) {
            return entries.stream().filter(e -> e.channel() == EntryChannel.CALL && e.kind() == kind).count();
        }
    }

    /** A line's problem and the values its message names. */
    public record Problem(int line, RegisterProblem code, List<String> arguments) implements Serializable {

        public Problem {
            arguments = List.copyOf(arguments);
        }

        @Override
        public String toString() {
            return (line > 0 ? "line " + line + ": " : "") + code + (arguments.isEmpty() ? "" : " " + arguments);
        }
    }

    Preview preview(byte[] csv, LocalDate today) {
        CsvTable table = CsvTable.read(csv, MAX_BYTES, COLUMNS);
        List<Problem> problems = new ArrayList<>(table.problems().stream()
                .map(p -> new Problem(p.line(), RegisterProblem.valueOf(p.reason().name()), p.arguments())).toList());
        List<NewEntry> entries = new ArrayList<>();
        Map<String, Long> services = sessionFactory.fromTransaction(RegisterImport::services);
        int year = 0;
        for (CsvTable.Row row : table.rows()) {
            try {
                NewEntry entry = entry(row, services);
                entry.check(today);
                if (year == 0) {
                    year = entry.date().getYear();
                } else if (entry.date().getYear() != year) {
                    throw new RegisterException(RegisterProblem.MIXED_YEARS, String.valueOf(year),
                            String.valueOf(entry.date().getYear()));
                }
                entries.add(entry);
            } catch (RegisterException e) {
                problems.add(new Problem(row.line(), e.problem(), e.arguments()));
            }
        }
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        if (entries.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, RegisterProblem.NO_ENTRIES, List.of()));
        }
        if (year != 0 && RegisterCounts.hasEntries(sessionFactory, year)) {
            problems.add(0, new Problem(0, RegisterProblem.YEAR_HAS_ENTRIES, List.of(String.valueOf(year))));
        }
        return new Preview(year, entries, problems);
    }

    int apply(Preview preview, SignedInUser actor) {
        if (!preview.canApply()) {
            throw new RegisterException(preview.problems().isEmpty() ? RegisterProblem.NO_ENTRIES
                    : preview.problems().get(0).code());
        }
        sessionFactory.inTransaction(session -> {
            // Locks the year's range: two imports of one year at once run one after the other, and the second is refused.
            boolean taken = !session.createNativeQuery("SELECT id FROM register_entries WHERE entry_date BETWEEN :from"
                            + " AND :to LIMIT 1 FOR UPDATE", Object.class)
                    .setParameter("from", LocalDate.of(preview.year(), 1, 1))
                    .setParameter("to", LocalDate.of(preview.year(), 12, 31))
                    .getResultList().isEmpty();
            if (taken) {
                throw new RegisterException(RegisterProblem.YEAR_HAS_ENTRIES, String.valueOf(preview.year()));
            }
            Timestamp now = Timestamp.from(clock.instant());
            session.doWork(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO register_entries (entry_date, channel,"
                        + " kind, referral_id, case_type, persons, citizenship, country, exploitation, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    int pending = 0;
                    for (NewEntry e : preview.entries()) {
                        insert.setDate(1, Date.valueOf(e.date()));
                        insert.setString(2, e.channel().name());
                        insert.setString(3, e.kind().name());
                        if (e.serviceId() == null) {
                            insert.setNull(4, Types.BIGINT);
                        } else {
                            insert.setLong(4, e.serviceId());
                        }
                        insert.setString(5, e.caseType() == null ? null : e.caseType().name());
                        insert.setInt(6, e.persons());
                        insert.setString(7, e.citizenship());
                        insert.setString(8, e.country());
                        insert.setString(9, e.exploitationCodes());
                        insert.setTimestamp(10, now);
                        insert.addBatch();
                        if (++pending == BATCH) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        insert.executeBatch();
                    }
                }
            });
            audit.record(session, actor, AuditAction.REGISTER_IMPORTED, "register " + preview.year(),
                    preview.entries().size() + " entries");
        });
        return preview.entries().size();
    }

    /** The referral services by their folded Romanian and Russian names and by number. */
    static Map<String, Long> services(Session session) {
        Map<String, Long> byName = new HashMap<>();
        for (Object[] row : session.createNativeQuery("SELECT id, name_ro, name_ru FROM consultation_referrals",
                Object[].class).getResultList()) {
            long id = ((Number) row[0]).longValue();
            byName.put(String.valueOf(id), id);
            byName.putIfAbsent(fold((String) row[1]), id);
            byName.putIfAbsent(fold((String) row[2]), id);
        }
        return byName;
    }

    private static String fold(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static NewEntry entry(CsvTable.Row row, Map<String, Long> services) {
        String dateCell = row.get("date").strip();
        if (dateCell.isEmpty()) {
            throw new RegisterException(RegisterProblem.MISSING_VALUE, "date");
        }
        EntryChannel channel = required(row, "channel", EntryChannel::ofCode, RegisterProblem.BAD_CHANNEL);
        EntryKind kind = required(row, "kind", EntryKind::ofCode, RegisterProblem.BAD_KIND);
        String service = row.get("service").strip();
        Long serviceId = null;
        if (!service.isEmpty()) {
            serviceId = services.get(fold(service));
            if (serviceId == null) {
                throw new RegisterException(RegisterProblem.UNKNOWN_SERVICE, service);
            }
        }
        String caseCell = row.get("case").strip();
        CaseType caseType = caseCell.isEmpty() ? null : CaseType.ofCode(caseCell.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new RegisterException(RegisterProblem.BAD_CASE, caseCell));
        String personsCell = row.get("persons").strip();
        int persons;
        try {
            persons = personsCell.isEmpty() ? 0 : Integer.parseInt(personsCell);
        } catch (NumberFormatException e) {
            throw new RegisterException(RegisterProblem.BAD_PERSONS, personsCell);
        }
        return new NewEntry(date(dateCell), channel, kind, serviceId, caseType, persons,
                country(row.get("citizenship"), RegisterProblem.BAD_CITIZENSHIP),
                country(row.get("country"), RegisterProblem.BAD_COUNTRY), Exploitations.parse(row.get("exploitation")));
    }

    private static <E> E required(CsvTable.Row row, String column, Function<String, Optional<E>> of,
                                  RegisterProblem bad) {
        String cell = row.get(column).strip();
        if (cell.isEmpty()) {
            throw new RegisterException(RegisterProblem.MISSING_VALUE, column);
        }
        return of.apply(cell.toLowerCase(Locale.ROOT)).orElseThrow(() -> new RegisterException(bad, cell));
    }

    private static String country(String cell, RegisterProblem bad) {
        String code = cell.strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            return null;
        }
        if (!NewEntry.isCountry(code)) {
            throw new RegisterException(bad, cell.strip());
        }
        return code;
    }

    private static LocalDate date(String text) {
        for (DateTimeFormatter format : List.of(ISO, MOLDOVAN)) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        throw new RegisterException(RegisterProblem.BAD_DATE, text);
    }
}
