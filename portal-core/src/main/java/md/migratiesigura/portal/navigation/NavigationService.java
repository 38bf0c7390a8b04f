package md.migratiesigura.portal.navigation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import md.migratiesigura.portal.account.PortalUser;
import md.migratiesigura.portal.article.ArticleService;
import md.migratiesigura.portal.article.CategoryView;
import md.migratiesigura.portal.article.PageService;
import md.migratiesigura.portal.article.PageSummary;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.content.TextRules;
import md.migratiesigura.portal.navigation.NavigationProblem.Code;
import md.migratiesigura.portal.search.ContentVersion;
import md.migratiesigura.portal.search.SearchOutbox;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The navigation every public page carries, per language, and the editors' changes to it.
 *
 * <p>Public pages read {@link #of(Language)}, kept in memory for the current {@link ContentVersion} and a few minutes
 * at most. A change moves the content version through the search outbox (an item no source knows, so nothing is
 * indexed), which is how cached pages on this node and the others stop showing the old navigation.
 */
public class NavigationService {

    /**
     * The fixed sections an entry may point at. The web module names and links each one it serves; a section it does
     * not serve yet (the live chat, the materials) is left out of the public navigation until it does.
     */
    public static final List<String> FIXED_SECTIONS = List.of("topics", "risk-check", "consultation", "chat",
            "events", "materials", "agencies", "search", "report");
    public static final int MAX_LABEL = 100;
    public static final int MAX_ENTRIES = 40;
    /** The outbox type that says "the navigation changed": no search source has it, so the index skips it. */
    static final String OUTBOX_TYPE = "navigation";
    private static final Duration KEPT = Duration.ofMinutes(5);

    private final SessionFactory sessionFactory;
    private final PageService pages;
    private final ArticleService articles;
    private final AuditService audit;
    private final Clock clock;
    private volatile Kept kept;

    private record Kept(long version, Instant until, Map<Language, Navigation> navigation) {
    }

    public NavigationService(SessionFactory sessionFactory, PageService pages, ArticleService articles,
                             AuditService audit, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.pages = pages;
        this.articles = articles;
        this.audit = audit;
        this.clock = clock;
    }

    /** The public navigation of a language: entries whose page is not published in it are left out. */
    public Navigation of(Language language) {
        Kept k = kept;
        Instant now = clock.instant();
        if (k == null || k.version() != ContentVersion.current() || !now.isBefore(k.until())) {
            long version = ContentVersion.current();
            Map<Language, Navigation> all = new EnumMap<>(Language.class);
            for (Language l : Language.values()) {
                all.put(l, resolve(l, entries(l)));
            }
            k = new Kept(version, now.plus(KEPT), all);
            kept = k;
        }
        return k.navigation().get(language);
    }

    /** A language's entries as stored, main menu first, in order: what the editor starts from. */
    public List<NavigationItem> entries(Language language) {
        return sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "from NavigationEntry e where e.language = :lang order by e.place, e.position, e.id",
                        NavigationEntry.class)
                .setParameter("lang", language)
                .setReadOnly(true)
                .getResultList().stream().map(NavigationEntry::item).toList());
    }

    /** How a list of entries would look to readers, without saving it: the editor's preview. */
    public Navigation preview(Language language, List<NavigationItem> items) {
        return resolve(language, items);
    }

    /**
     * Replaces a language's navigation with these entries, in this order within each place, after checking every
     * one; an audit entry records it. Needs an enabled editor or administrator.
     *
     * @return the problems, empty when saved; nothing is saved when there is one
     */
    public List<NavigationProblem> save(SignedInUser actor, Language language, List<NavigationItem> items) {
        List<NavigationProblem> problems = check(language, items);
        if (!problems.isEmpty()) {
            return problems;
        }
        return sessionFactory.fromTransaction(session -> {
            PortalUser user = actor == null ? null : session.find(PortalUser.class, actor.id());
            if (user == null || !user.isEnabled()
                    || (user.getRole() != Role.EDITOR && user.getRole() != Role.ADMINISTRATOR)) {
                return List.of(new NavigationProblem(-1, Code.NOT_ALLOWED));
            }
            session.createMutationQuery("delete from NavigationEntry e where e.language = :lang")
                    .setParameter("lang", language).executeUpdate();
            int position = 0;
            for (NavigationItem item : items) {
                session.persist(new NavigationEntry(language, position += 10, item));
            }
            String detail = items.stream().map(i -> i.place().name().toLowerCase() + ":" + i.target())
                    .collect(Collectors.joining(" "));
            audit.record(session, user, user.getEmail(), AuditAction.NAVIGATION_SAVED, "navigation/" + language.code(),
                    detail.length() > 500 ? detail.substring(0, 500) : detail);
            SearchOutbox.changed(session, OUTBOX_TYPE, language.code(), clock.instant());
            return List.of();
        });
    }

    /**
     * Adds a page to a language's navigation, at the end of a place (or at {@code order} when given), unless it is
     * there already: the content import's way of placing the bundled pages.
     */
    public static void addPage(Session session, Language language, NavigationPlace place, Integer order, String key) {
        Long present = session.createSelectionQuery("select count(e) from NavigationEntry e where e.language = :lang"
                        + " and e.targetKind = :page and e.target = :key", Long.class)
                .setParameter("lang", language)
                .setParameter("page", NavigationTarget.PAGE)
                .setParameter("key", key)
                .getSingleResult();
        if (present > 0) {
            return;
        }
        int position = order != null ? order : session.createSelectionQuery(
                        "select coalesce(max(e.position), 0) + 10 from NavigationEntry e where e.language = :lang"
                                + " and e.place = :place", Integer.class)
                .setParameter("lang", language)
                .setParameter("place", place)
                .getSingleResult();
        session.persist(new NavigationEntry(language, position,
                new NavigationItem(place, NavigationTarget.PAGE, key, null)));
    }

    private List<NavigationProblem> check(Language language, List<NavigationItem> items) {
        List<NavigationProblem> problems = new ArrayList<>();
        if (items.size() > MAX_ENTRIES) {
            problems.add(new NavigationProblem(-1, Code.TOO_MANY));
            return problems;
        }
        Set<String> pageKeys = pages.published(language).stream().map(PageSummary::key).collect(Collectors.toSet());
        Set<String> categoryKeys = articles.categories(language).stream().map(CategoryView::key)
                .collect(Collectors.toSet());
        for (int i = 0; i < items.size(); i++) {
            NavigationItem item = items.get(i);
            boolean known = item.place() != null && item.targetKind() != null && item.target() != null
                    && switch (item.targetKind()) {
                        case FIXED -> FIXED_SECTIONS.contains(item.target());
                        case PAGE -> pageKeys.contains(item.target());
                        case CATEGORY -> categoryKeys.contains(item.target());
                    };
            if (!known) {
                problems.add(new NavigationProblem(i, Code.UNKNOWN_TARGET));
            } else if (item.label() != null && item.label().length() > MAX_LABEL) {
                problems.add(new NavigationProblem(i, Code.LABEL_TOO_LONG));
            } else if (item.label() != null && !cleanLabel(item.label())) {
                problems.add(new NavigationProblem(i, Code.LABEL_INVALID));
            }
        }
        return problems;
    }

    private static boolean cleanLabel(String label) {
        try {
            TextRules.requireCleanText("label", label, false);
            return !label.isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Navigation resolve(Language language, List<NavigationItem> items) {
        Map<String, PageSummary> published = pages.published(language).stream()
                .collect(Collectors.toMap(PageSummary::key, Function.identity()));
        Map<String, String> categories = articles.categories(language).stream()
                .collect(Collectors.toMap(CategoryView::key, CategoryView::name));
        List<NavigationLink> main = new ArrayList<>();
        List<NavigationLink> footer = new ArrayList<>();
        for (NavigationItem item : items) {
            NavigationLink link = switch (item.targetKind()) {
                case FIXED -> FIXED_SECTIONS.contains(item.target())
                        ? new NavigationLink(NavigationTarget.FIXED, item.target(), item.label(), null) : null;
                case PAGE -> {
                    PageSummary page = published.get(item.target());
                    yield page == null ? null : new NavigationLink(NavigationTarget.PAGE, item.target(),
                            item.label() != null ? item.label() : page.title(), page.slug());
                }
                case CATEGORY -> {
                    String name = categories.get(item.target());
                    yield name == null ? null : new NavigationLink(NavigationTarget.CATEGORY, item.target(),
                            item.label() != null ? item.label() : name, null);
                }
            };
            if (link != null) {
                (item.place() == NavigationPlace.FOOTER ? footer : main).add(link);
            }
        }
        return new Navigation(main, footer);
    }
}
