package md.migratiesigura.portal.agency;

import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.PortalTime;
import md.migratiesigura.portal.common.SignedInUser;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The registry of private employment agencies licensed for placement abroad: the public lookup, and the import of
 * the official list (preview first, then apply). Each call is one transaction. Nothing here is invented: the
 * registry holds what editors imported, and is empty until they do.
 */
public class AgencyService {

    public static final int MAX_QUERY = 200;
    /** The largest CSV of the official list accepted: 5 MB (the real list is a few hundred kilobytes at most). */
    public static final int MAX_CSV_BYTES = AgencyCsv.MAX_BYTES;

    private final SessionFactory sessionFactory;
    private final AuditService audit;
    private final Clock clock;

    public AgencyService(SessionFactory sessionFactory, AuditService audit, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.audit = audit;
        this.clock = clock;
    }

    /** How many agencies the registry holds; 0 until the official list is imported. */
    public long count() {
        return sessionFactory.fromTransaction(session ->
                session.createSelectionQuery("select count(a) from Agency a", Long.class).getSingleResult());
    }

    /** When the official list was last imported (the newest "last verified" time); empty while the registry is. */
    public Optional<Instant> lastImported() {
        return sessionFactory.fromTransaction(session -> Optional.ofNullable(session.createSelectionQuery(
                "select max(a.lastVerifiedAt) from Agency a", Instant.class).getSingleResult()));
    }

    /**
     * Agencies whose IDNO starts with the digits typed, or whose name contains every word typed (tolerant of
     * diacritics, quotes, case and legal forms, see {@link AgencyNames}); exact name matches first.
     */
    public List<AgencyView> search(String query, int limit) {
        String typed = query == null ? "" : query.strip();
        if (typed.isEmpty() || typed.length() > MAX_QUERY) {
            return List.of();
        }
        String digits = typed.replaceAll("\\s", "");
        if (digits.matches("\\d{4,13}")) {
            return sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                            "from Agency a where a.idno like :prefix order by a.idno", Agency.class)
                    .setParameter("prefix", digits + "%")
                    .setMaxResults(limit)
                    .getResultStream().map(this::view).toList());
        }
        String key = AgencyNames.searchKey(typed);
        List<String> words = Arrays.stream(key.split(" ")).filter(w -> !w.isEmpty()).limit(8).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder("1 = 1");
        for (int i = 0; i < words.size(); i++) {
            // Folded words hold only letters and digits, so there is nothing to escape for LIKE.
            where.append(" and a.searchName like :w").append(i);
        }
        return sessionFactory.fromTransaction(session -> {
            var q = session.createSelectionQuery("from Agency a where " + where + " order by a.name", Agency.class);
            for (int i = 0; i < words.size(); i++) {
                q.setParameter("w" + i, "%" + words.get(i) + "%");
            }
            return q.setMaxResults(limit).getResultStream()
                    .sorted(Comparator.comparing((Agency a) -> !a.getSearchName().equals(key)))
                    .map(this::view).toList();
        });
    }

    /**
     * The agencies a person may mean by a name or IDNO, for the job-offer check: the one with that IDNO, else those
     * whose folded name is exactly the one typed, else whatever the search finds (at most a few).
     */
    public List<AgencyView> identify(String nameOrIdno) {
        String typed = nameOrIdno.strip();
        String digits = typed.replaceAll("\\s", "");
        if (digits.matches("\\d{13}")) {
            return byIdno(digits).map(List::of).orElse(List.of());
        }
        String key = AgencyNames.searchKey(typed);
        List<AgencyView> exact = sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "from Agency a where a.searchName = :key order by a.name", Agency.class)
                .setParameter("key", key)
                .setMaxResults(5)
                .getResultStream().map(this::view).toList());
        return exact.isEmpty() ? search(typed, 5) : exact;
    }

    public Optional<AgencyView> byIdno(String idno) {
        return sessionFactory.fromTransaction(session ->
                Optional.ofNullable(session.bySimpleNaturalId(Agency.class).load(idno)).map(this::view));
    }

    /** Reads a CSV of the official list and says what applying it would change; the registry is not touched. */
    public AgencyImportPreview preview(byte[] csv) {
        AgencyCsv.Parsed parsed = AgencyCsv.parse(csv);
        if (parsed.rows().isEmpty()) {
            return AgencyImportPreview.refused(parsed.problems(), parsed.ignoredColumns());
        }
        return sessionFactory.fromTransaction(session -> {
            Map<String, Agency> existing = all(session);
            String state = state(existing.values());
            List<AgencyRow> added = new ArrayList<>();
            List<AgencyImportPreview.Change> changed = new ArrayList<>();
            int unchanged = 0;
            for (AgencyRow row : parsed.rows()) {
                Agency agency = existing.remove(row.idno());
                if (agency == null) {
                    added.add(row);
                } else {
                    List<String> fields = differences(agency, row);
                    if (fields.isEmpty()) {
                        unchanged++;
                    } else {
                        changed.add(new AgencyImportPreview.Change(row, view(agency), fields));
                    }
                }
            }
            List<AgencyView> removed = existing.values().stream()
                    .sorted(Comparator.comparing(Agency::getName)).map(this::view).toList();
            return new AgencyImportPreview(parsed.rows(), added, changed, unchanged, removed, parsed.problems(),
                    parsed.ignoredColumns(), state);
        });
    }

    /**
     * Makes the registry what the previewed file says, in one transaction: adds, updates, removes the agencies the
     * file no longer lists, marks every listed agency as verified now, and records the import in the audit log.
     * A preview with problems is refused and nothing changes.
     *
     * @param actor who applies it, for the audit log (null for the system)
     * @throws IllegalArgumentException when the preview has problems or no rows
     * @throws StalePreviewException    when the registry changed after the preview was made (another import):
     *                                  nothing changes, the file must be previewed again
     */
    public AgencyImportResult apply(AgencyImportPreview preview, SignedInUser actor) {
        if (!preview.canApply()) {
            throw new IllegalArgumentException("this file cannot be imported: " + (preview.problems().isEmpty()
                    ? "it lists no agency" : preview.problems().size() + " problem(s), first " + preview.problems().get(0)));
        }
        Instant now = clock.instant();
        return sessionFactory.fromTransaction(session -> {
            Map<String, Agency> existing = all(session);
            if (!state(existing.values()).equals(preview.registryState())) {
                throw new StalePreviewException();
            }
            int added = 0;
            int changed = 0;
            int unchanged = 0;
            Set<String> listed = new HashSet<>();
            for (AgencyRow row : preview.rows()) {
                listed.add(row.idno());
                Agency agency = existing.get(row.idno());
                if (agency == null) {
                    agency = new Agency(row.idno(), now);
                    write(agency, row, now);
                    session.persist(agency);
                    added++;
                } else if (!differences(agency, row).isEmpty()) {
                    write(agency, row, now);
                    changed++;
                } else {
                    unchanged++;
                }
                agency.markVerified(now);
            }
            int removed = 0;
            for (Agency agency : existing.values()) {
                if (!listed.contains(agency.getIdno())) {
                    session.remove(agency);
                    removed++;
                }
            }
            AgencyImportResult result = new AgencyImportResult(added, changed, unchanged, removed);
            audit.record(session, actor, AuditAction.AGENCIES_IMPORTED, "agencies", "new " + added + ", changed "
                    + changed + ", unchanged " + unchanged + ", removed " + removed);
            return result;
        });
    }

    /** The registry changed between the preview and its application; nothing was applied. */
    public static final class StalePreviewException extends IllegalStateException {
        StalePreviewException() {
            super("the registry changed after this file was previewed: preview it again");
        }
    }

    /**
     * A fingerprint of the registry's content: every entry's IDNO and version (an update, or a new "last verified"
     * time, raises it).
     */
    private static String state(Collection<Agency> agencies) {
        MessageDigest digest = sha256();
        agencies.stream().sorted(Comparator.comparing(Agency::getIdno)).forEach(a ->
                digest.update((a.getIdno() + ":" + a.getVersion() + ";").getBytes(StandardCharsets.US_ASCII)));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Every agency by IDNO, the rows locked: two imports applied at once run one after the other. */
    private static Map<String, Agency> all(Session session) {
        Map<String, Agency> byIdno = new HashMap<>();
        session.createSelectionQuery("from Agency a", Agency.class).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(a -> byIdno.put(a.getIdno(), a));
        return byIdno;
    }

    private static void write(Agency agency, AgencyRow row, Instant now) {
        agency.update(row.name(), AgencyNames.searchKey(row.name()), row.licenceNumber(), row.validUntil(),
                row.countries(), row.partners(), now);
    }

    private static List<String> differences(Agency agency, AgencyRow row) {
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(agency.getName(), row.name())) {
            fields.add("name");
        }
        if (!Objects.equals(agency.getLicenceNumber(), row.licenceNumber())) {
            fields.add("licence_number");
        }
        if (!Objects.equals(agency.getValidUntil(), row.validUntil())) {
            fields.add("valid_until");
        }
        if (!agency.getCountries().equals(row.countries())) {
            fields.add("countries");
        }
        if (!agency.getPartners().equals(row.partners())) {
            fields.add("partners");
        }
        return fields;
    }

    private AgencyView view(Agency a) {
        return new AgencyView(a.getIdno(), a.getName(), a.getLicenceNumber(), a.getValidUntil(), a.getCountries(),
                a.getPartners(), !a.getValidUntil().isBefore(today()), a.getLastVerifiedAt());
    }

    /** Today in Chisinau: a licence valid until a date is valid through that whole day there. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), PortalTime.ZONE);
    }
}
