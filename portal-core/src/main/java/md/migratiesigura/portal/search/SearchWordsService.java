package md.migratiesigura.portal.search;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.SignedInUser;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The equivalent-word lists that search applies to what readers type: the bundled lists of the content folder plus
 * the editors' lines (table {@code search_words}). A change is audited and takes effect at the next search, with no
 * index rebuild: the lists are read again into one {@link EquivalentWords} and handed to the index. Other portals
 * of a cluster pick a change up within {@link #refreshIfChanged()}'s period.
 */
public class SearchWordsService implements AutoCloseable {

    /** How often the lists are checked for a change made on another portal of the cluster. */
    static final long REFRESH_SECONDS = 10;

    private static final Logger log = LoggerFactory.getLogger(SearchWordsService.class);

    /** One line of an editor's list. */
    public record Entry(long id, Language language, String words) {
    }

    private final SessionFactory sessionFactory;
    private final AuditService audit;
    private final Clock clock;
    private final SearchIndex index;
    private final Map<Language, List<String>> bundled;
    private final AtomicLong version = new AtomicLong();
    private volatile String loadedSignature = "";
    private ScheduledExecutorService refresher;

    public SearchWordsService(SessionFactory sessionFactory, AuditService audit, Clock clock, SearchIndex index,
                              Path contentDir) {
        this.sessionFactory = sessionFactory;
        this.audit = audit;
        this.clock = clock;
        this.index = index;
        this.bundled = contentDir == null ? Map.of() : EquivalentWords.bundled(contentDir);
        reload();
    }

    /** Starts checking for changes made on other portals of the cluster. */
    public SearchWordsService start() {
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "search-words");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(() -> {
            try {
                refreshIfChanged();
            } catch (RuntimeException e) {
                log.warn("The equivalent-word lists could not be checked for changes: {}", e.getMessage());
            }
        }, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
        return this;
    }

    @Override
    public void close() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /** The editors' lines of a language, oldest first. */
    public List<Entry> entries(Language language) {
        return sessionFactory.fromTransaction(session -> session.createNativeQuery(
                        "select id, words from search_words where language = :language order by id", Object[].class)
                .setParameter("language", language.code())
                .getResultList().stream()
                .map(row -> new Entry(((Number) row[0]).longValue(), language, (String) row[1])).toList());
    }

    /** How many lines (not comments) the bundled list of a language has. */
    public int bundledLines(Language language) {
        return (int) bundled.getOrDefault(language, List.of()).stream()
                .filter(line -> EquivalentWords.parse(line) != null).count();
    }

    /**
     * Adds a line to a language's list, effective at once.
     *
     * @throws InvalidSearchWordsException with the reason's key when the line is not a valid list line or is
     *                                     already in the editors' list
     */
    public void add(SignedInUser editor, Language language, String line) {
        String words = line == null ? "" : line.strip().replaceAll("\\s+", " ");
        String problem = EquivalentWords.problem(words);
        if (problem != null) {
            throw new InvalidSearchWordsException(problem);
        }
        sessionFactory.inTransaction(session -> {
            Long same = session.createNativeQuery(
                            "select count(*) from search_words where language = :language and words = :words", Long.class)
                    .setParameter("language", language.code()).setParameter("words", words).getSingleResult();
            if (same != null && same > 0) {
                throw new InvalidSearchWordsException("duplicate");
            }
            session.createNativeMutationQuery(
                            "insert into search_words (language, words, created_at) values (:language, :words, :at)")
                    .setParameter("language", language.code()).setParameter("words", words)
                    .setParameter("at", clock.instant()).executeUpdate();
            audit.record(session, editor, AuditAction.SEARCH_WORDS_ADDED, language.code(), words);
        });
        reload();
    }

    /** Removes a line of the editors' list, effective at once; nothing happens for an id that is gone. */
    public void remove(SignedInUser editor, long id) {
        sessionFactory.inTransaction(session -> {
            List<Object[]> rows = session.createNativeQuery(
                            "select language, words from search_words where id = :id", Object[].class)
                    .setParameter("id", id).getResultList();
            if (rows.isEmpty()) {
                return;
            }
            session.createNativeMutationQuery("delete from search_words where id = :id").setParameter("id", id)
                    .executeUpdate();
            audit.record(session, editor, AuditAction.SEARCH_WORDS_REMOVED, (String) rows.get(0)[0],
                    (String) rows.get(0)[1]);
        });
        reload();
    }

    /** Reads the lists again when another portal changed them (a cheap check of the table's count and last id). */
    public void refreshIfChanged() {
        if (!signature().equals(loadedSignature)) {
            reload();
        }
    }

    private String signature() {
        Object[] row = sessionFactory.fromTransaction(session -> session.createNativeQuery(
                "select count(*), coalesce(max(id), 0), coalesce(sum(id), 0) from search_words", Object[].class)
                .getSingleResult());
        return row[0] + ":" + row[1] + ":" + row[2];
    }

    /** Builds the lists once for this version and hands them to the index. */
    public final synchronized void reload() {
        String signature = signature();
        Map<Language, List<String>> lines = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            List<String> all = new ArrayList<>(bundled.getOrDefault(language, List.of()));
            entries(language).forEach(e -> all.add(e.words()));
            lines.put(language, all);
        }
        index.useEquivalentWords(EquivalentWords.of(lines, version.incrementAndGet()));
        loadedSignature = signature;
    }
}
