package md.migratiesigura.portal.article;

import jakarta.persistence.OptimisticLockException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import md.migratiesigura.portal.account.PortalUser;
import md.migratiesigura.portal.article.EditorialProblem.Code;
import md.migratiesigura.portal.article.SaveResult.Conflict;
import md.migratiesigura.portal.article.SaveResult.Rejected;
import md.migratiesigura.portal.article.SaveResult.Saved;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.PortalTime;
import md.migratiesigura.portal.common.ResultPage;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.content.MarkdownRenderer;
import md.migratiesigura.portal.content.Slugs;
import md.migratiesigura.portal.content.TextRules;
import md.migratiesigura.portal.media.CoverImage;
import md.migratiesigura.portal.media.ImageService;
import md.migratiesigura.portal.media.MediaImage;
import md.migratiesigura.portal.search.SearchOutbox;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.query.SelectionQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The editors' side of articles: listing, loading, writing both language versions, the workflow (review, publish,
 * schedule, unpublish), revisions and their diffs, and the translation matrix.
 *
 * <p>Every call is one transaction. Every change is checked first and written whole or not at all: the translation,
 * an immutable revision, an audit entry and a search-outbox row commit together. Changes need an enabled editor
 * or administrator; anyone else gets {@link Code#NOT_ALLOWED}. Saves carry the version the editor loaded, and a
 * save based on an older version is a {@link Conflict} that hands the editor's text back.
 */
public class EditorialService {

    private static final Logger log = LoggerFactory.getLogger(EditorialService.class);

    public static final int MAX_TITLE = 300;
    public static final int MAX_SUMMARY = 1000;
    public static final int MAX_BODY = 200_000;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 64;
    public static final int MAX_ALT = 300;
    public static final int MAX_KEY = 100;
    public static final int MAX_SEARCH = 200;
    /** The expected version of a language version not written yet. */
    public static final int NEW_TRANSLATION = -1;
    private static final ZoneId ZONE = PortalTime.ZONE;
    /** A scheduled time this far in the past at start counts as missed: published then, and flagged. */
    static final Duration LATE_AFTER = Duration.ofMinutes(1);
    /** {@code /admin/articles/new} is the page for a new article, so no article may have this key. */
    static final String RESERVED_KEY = "new";
    private static final String IMAGE_ID = "[0-9a-f]{32}";

    /** What a save does besides writing the text. */
    public enum Step {
        /** Keeps the status (a new version is a draft). */
        SAVE,
        SUBMIT,
        PUBLISH,
        SCHEDULE,
        UNPUBLISH
    }

    private final SessionFactory sessionFactory;
    private final MarkdownRenderer markdown;
    private final AuditService audit;
    private final Clock clock;

    public EditorialService(SessionFactory sessionFactory, MarkdownRenderer markdown, AuditService audit, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.markdown = markdown;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------- reading

    /**
     * One page of articles for editors, most recently changed first.
     *
     * @param page 1-based
     */
    public ResultPage<EditorialListItem> list(EditorialFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where exists (select 1 from ArticleTranslation t where t.article = a");
        if (filter.status() != null) {
            where.append(" and t.status = :status");
        }
        if (filter.language() != null) {
            where.append(" and t.language = :lang");
        }
        if (filter.overdueReview()) {
            where.append(" and t.reviewBy < :today");
        }
        String text = filter.text() == null ? "" : filter.text().strip();
        if (text.length() > MAX_SEARCH) {
            text = text.substring(0, MAX_SEARCH);
        }
        if (!text.isEmpty()) {
            where.append(" and t.title like :text escape '!'");
        }
        where.append(")");
        if (filter.categoryKey() != null) {
            where.append(" and a.category.key = :category");
        }
        String pattern = "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        boolean searching = !text.isEmpty();
        return sessionFactory.fromTransaction(session -> {
            Function<SelectionQuery<?>, SelectionQuery<?>> bind = q -> {
                if (filter.status() != null) {
                    q.setParameter("status", filter.status());
                }
                if (filter.language() != null) {
                    q.setParameter("lang", filter.language());
                }
                if (filter.overdueReview()) {
                    q.setParameter("today", today());
                }
                if (searching) {
                    q.setParameter("text", pattern);
                }
                if (filter.categoryKey() != null) {
                    q.setParameter("category", filter.categoryKey());
                }
                return q;
            };
            var count = session.createSelectionQuery("select count(a) from Article a" + where, Long.class);
            var items = session.createSelectionQuery("select a from Article a left join fetch a.category" + where
                    + " order by (select max(u.updatedAt) from ArticleTranslation u where u.article = a) desc, a.id desc",
                    Article.class);
            bind.apply(count);
            bind.apply(items);
            List<EditorialListItem> list = items.setFirstResult((page - 1) * size).setMaxResults(size)
                    .setReadOnly(true).getResultList().stream().map(this::listItem).toList();
            return new ResultPage<>(count.getSingleResult(), page, size, list);
        });
    }

    /** The article with both its language versions, for the editor. */
    public Optional<EditableArticle> load(String key) {
        if (!TextRules.isPrintableAscii(key)) {
            return Optional.empty();
        }
        return sessionFactory.fromTransaction(session -> Optional.ofNullable(article(session, key))
                .map(a -> editable(session, a)));
    }

    /** All categories in their editorial order, named in the language. */
    public List<CategoryView> categories(Language language) {
        return sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "from Category c order by c.position, c.key", Category.class)
                .setReadOnly(true).getResultList().stream()
                .map(c -> new CategoryView(c.getKey(), c.name(language))).toList());
    }

    /**
     * Sanitized HTML for a Markdown body, exactly as the public page will show it.
     *
     * @throws IllegalArgumentException when the body is longer than {@link #MAX_BODY}
     */
    public String preview(String bodyMarkdown) {
        if (bodyMarkdown.length() > MAX_BODY) {
            throw new IllegalArgumentException("body longer than " + MAX_BODY);
        }
        return markdown.toHtml(bodyMarkdown);
    }

    // ---------------------------------------------------------------------------------------------- writing

    /**
     * Creates an article with its first language version, a draft. Its key is the title's slug, made unique with
     * {@code -2}, {@code -3}… when taken.
     */
    public SaveResult create(SignedInUser actor, Language language, ArticleDraft draft) {
        Checked checked = check(draft);
        if (!checked.problems.isEmpty()) {
            return new Rejected(checked.problems);
        }
        return guarded(draft, null, language, () -> sessionFactory.fromTransaction(session -> {
            PortalUser editor = editor(session, actor);
            if (editor == null) {
                return notAllowed();
            }
            List<EditorialProblem> problems = checkAgainstDatabase(session, checked, language, null);
            if (!problems.isEmpty()) {
                return new Rejected(problems);
            }
            Article article = new Article(uniqueKey(session, checked.slug), null, now());
            session.persist(article);
            return write(session, editor, article, null, language, checked, Step.SAVE, null, null);
        }));
    }

    /** Saves the text and keeps the status (a new language version is a draft). */
    public SaveResult saveDraft(SignedInUser actor, String key, Language language, int expectedVersion,
                                ArticleDraft draft) {
        return save(actor, key, language, expectedVersion, draft, Step.SAVE, null);
    }

    /** Saves the text and asks for review. */
    public SaveResult submitForReview(SignedInUser actor, String key, Language language, int expectedVersion,
                                      ArticleDraft draft) {
        return save(actor, key, language, expectedVersion, draft, Step.SUBMIT, null);
    }

    /** Saves the text and publishes it now (an earlier publication date is kept). */
    public SaveResult publishNow(SignedInUser actor, String key, Language language, int expectedVersion,
                                 ArticleDraft draft) {
        return save(actor, key, language, expectedVersion, draft, Step.PUBLISH, null);
    }

    /**
     * Saves the text and schedules it for a time in Europe/Chisinau, which must be in the future; the scheduler
     * publishes it within a minute of that time.
     */
    public SaveResult schedule(SignedInUser actor, String key, Language language, int expectedVersion,
                               ArticleDraft draft, LocalDateTime publishAt) {
        return save(actor, key, language, expectedVersion, draft, Step.SCHEDULE, publishAt);
    }

    /** Saves the text and takes the language version off the public site. */
    public SaveResult unpublish(SignedInUser actor, String key, Language language, int expectedVersion,
                                ArticleDraft draft) {
        return save(actor, key, language, expectedVersion, draft, Step.UNPUBLISH, null);
    }

    /**
     * Saves a language version of an existing article and takes a workflow step, in one transaction.
     *
     * @param expectedVersion the {@link EditableTranslation#version()} the editor loaded, or {@link #NEW_TRANSLATION}
     * @param publishAt       for {@link Step#SCHEDULE}: when, in Europe/Chisinau; ignored otherwise
     */
    public SaveResult save(SignedInUser actor, String key, Language language, int expectedVersion, ArticleDraft draft,
                           Step step, LocalDateTime publishAt) {
        Checked checked = check(draft);
        Instant when = null;
        if (step == Step.SCHEDULE) {
            if (publishAt == null) {
                checked.problems.add(new EditorialProblem("publishAt", Code.PUBLISH_AT_REQUIRED, null));
            } else {
                when = publishAt.atZone(ZONE).toInstant();
                if (!when.isAfter(clock.instant())) {
                    checked.problems.add(new EditorialProblem("publishAt", Code.PUBLISH_AT_PAST, null));
                }
            }
        }
        if (!checked.problems.isEmpty()) {
            return new Rejected(checked.problems);
        }
        Instant scheduledFor = when;
        return guarded(draft, key, language, () -> sessionFactory.fromTransaction(session ->
                writeChecked(session, actor, key, language, expectedVersion, draft, checked, step, scheduledFor, null)));
    }

    /**
     * Writes an earlier revision's text, title and metadata back as a new revision; the status stays as it is.
     *
     * @param expectedVersion the version of the language version the editor loaded
     */
    public SaveResult restore(SignedInUser actor, long revisionId, int expectedVersion) {
        Optional<RestoreTarget> target = sessionFactory.fromTransaction(session ->
                Optional.ofNullable(session.find(ArticleRevision.class, revisionId)).map(r ->
                        new RestoreTarget(r.getArticle().getKey(), r.getLanguage(), new ArticleDraft(r.getTitle(),
                                r.getSlug(), r.getSummary(), r.getBodyMarkdown(), r.getCategoryKey(), r.getTags(),
                                r.getReviewBy(), r.getCoverImage(), r.getCoverAlt(), false), r.getNumber())));
        if (target.isEmpty()) {
            return new Rejected(List.of(new EditorialProblem("revision", Code.UNKNOWN_REVISION, null)));
        }
        RestoreTarget t = target.get();
        Checked checked = check(t.draft());
        if (!checked.problems.isEmpty()) {
            return new Rejected(checked.problems);
        }
        return guarded(t.draft(), t.key(), t.language(), () -> sessionFactory.fromTransaction(session ->
                writeChecked(session, actor, t.key(), t.language(), expectedVersion, t.draft(), checked, Step.SAVE,
                        null, t.number())));
    }

    private record RestoreTarget(String key, Language language, ArticleDraft draft, int number) {
    }

    private SaveResult writeChecked(Session session, SignedInUser actor, String key, Language language,
                                    int expectedVersion, ArticleDraft draft, Checked checked, Step step,
                                    Instant publishAt, Integer restoredNumber) {
        PortalUser editor = editor(session, actor);
        if (editor == null) {
            return notAllowed();
        }
        Article article = article(session, key);
        if (article == null) {
            return new Rejected(List.of(new EditorialProblem("key", Code.UNKNOWN_ARTICLE, null)));
        }
        ArticleTranslation current = article.translation(language).orElse(null);
        if (current == null ? expectedVersion != NEW_TRANSLATION : current.getVersion() != expectedVersion) {
            return new Conflict(draft, current == null ? null : editable(session, current));
        }
        List<EditorialProblem> problems = checkAgainstDatabase(session, checked, language, current);
        if (!problems.isEmpty()) {
            return new Rejected(problems);
        }
        return write(session, editor, article, current, language, checked, step, publishAt, restoredNumber);
    }

    /** Writes what was checked: text, status, revision, audit entry and outbox row. */
    private SaveResult write(Session session, PortalUser editor, Article article, ArticleTranslation current,
                             Language language, Checked c, Step step, Instant publishAt, Integer restoredNumber) {
        Instant now = now();
        ArticleTranslation t = current;
        boolean created = t == null;
        if (created) {
            t = new ArticleTranslation(article, language, now);
            t.setPublication(ArticleStatus.DRAFT, null);
            article.addTranslation(t);
        }
        boolean textChanged = created || !c.title.equals(t.getTitle()) || !c.slug.equals(t.getSlug())
                || !Objects.equals(c.summary, t.getSummary()) || !c.body.equals(t.getBodyMarkdown())
                || !c.tags.equals(new LinkedHashSet<>(t.getTags())) || !Objects.equals(c.coverImage, t.getCoverImage())
                || !Objects.equals(c.coverAlt, t.getCoverAlt());
        String html = created || !c.body.equals(t.getBodyMarkdown()) ? markdown.toHtml(c.body) : t.getBodyHtml();
        int minutes = MarkdownRenderer.readingMinutes(markdown.toPlainText(c.body));
        t.write(c.title, c.slug, c.summary, c.body, html, minutes, c.tags, c.reviewBy, now);
        t.setCover(c.coverImage, c.coverAlt);
        Instant otherChanged = article.translation(language.other()).map(ArticleTranslation::getContentChangedAt)
                .orElse(null);
        if (textChanged) {
            t.textChanged(editor.getEmail(), c.followsOther ? otherChanged : null, now);
        } else if (c.followsOther && otherChanged != null) {
            t.followOther(otherChanged);
        }
        Category category = c.categoryKey == null ? null : session.bySimpleNaturalId(Category.class).load(c.categoryKey);
        if (!Objects.equals(article.getCategory() == null ? null : article.getCategory().getKey(), c.categoryKey)) {
            article.setCategory(category, now);
        }
        applyStep(t, step, publishAt, now);
        if (created) {
            session.persist(t);
        }
        RevisionAction action = restoredNumber != null ? RevisionAction.RESTORED
                : created ? RevisionAction.CREATED : revisionAction(step);
        int number = addRevision(session, t, action, editor.getEmail(), now);
        String detail = "#" + number + (restoredNumber != null ? " ← #" + restoredNumber : "")
                + (step == Step.SCHEDULE ? " " + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                        LocalDateTime.ofInstant(publishAt, ZONE)) : "");
        audit.record(session, editor, editor.getEmail(), auditAction(created, step, restoredNumber != null),
                article.getKey() + "/" + language.code(), detail);
        SearchOutbox.changed(session, ArticleSearchSource.TYPE, article.getKey(), now);
        session.flush();
        return new Saved(editable(session, t));
    }

    private static void applyStep(ArticleTranslation t, Step step, Instant publishAt, Instant now) {
        switch (step) {
            case SAVE -> {
                return;
            }
            case SUBMIT -> t.setPublication(ArticleStatus.IN_REVIEW, t.getPublishedAt());
            case PUBLISH -> t.setPublication(ArticleStatus.PUBLISHED,
                    t.getPublishedAt() == null || t.getPublishedAt().isAfter(now) ? now : t.getPublishedAt());
            case SCHEDULE -> t.setPublication(ArticleStatus.SCHEDULED, publishAt);
            case UNPUBLISH -> t.setPublication(ArticleStatus.UNPUBLISHED, t.getPublishedAt());
        }
        t.setPublishedLate(false);
    }

    private static RevisionAction revisionAction(Step step) {
        return switch (step) {
            case SAVE -> RevisionAction.SAVED;
            case SUBMIT -> RevisionAction.SUBMITTED;
            case PUBLISH -> RevisionAction.PUBLISHED;
            case SCHEDULE -> RevisionAction.SCHEDULED;
            case UNPUBLISH -> RevisionAction.UNPUBLISHED;
        };
    }

    private static AuditAction auditAction(boolean created, Step step, boolean restored) {
        if (restored) {
            return AuditAction.ARTICLE_RESTORED;
        }
        if (created && step == Step.SAVE) {
            return AuditAction.ARTICLE_CREATED;
        }
        return switch (step) {
            case SAVE -> AuditAction.ARTICLE_SAVED;
            case SUBMIT -> AuditAction.ARTICLE_SUBMITTED;
            case PUBLISH -> AuditAction.ARTICLE_PUBLISHED;
            case SCHEDULE -> AuditAction.ARTICLE_SCHEDULED;
            case UNPUBLISH -> AuditAction.ARTICLE_UNPUBLISHED;
        };
    }

    private int addRevision(Session session, ArticleTranslation t, RevisionAction action, String author, Instant now) {
        int number = session.createSelectionQuery("select coalesce(max(r.number), 0) from ArticleRevision r"
                        + " where r.article = :article and r.language = :lang", Integer.class)
                .setParameter("article", t.getArticle())
                .setParameter("lang", t.getLanguage())
                .getSingleResult() + 1;
        session.persist(new ArticleRevision(t, number, action, author, now));
        return number;
    }

    /**
     * Runs a write; a version that changed under it (two saves at the same moment) is a conflict, and a slug taken
     * at the same moment is refused, with nothing written either way.
     */
    private SaveResult guarded(ArticleDraft draft, String key, Language language,
                               java.util.function.Supplier<SaveResult> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            String constraint = constraintName(e);
            if (constraint != null && constraint.contains("slug")) {
                return new Rejected(List.of(new EditorialProblem("slug", Code.SLUG_TAKEN, null)));
            }
            if (constraint != null || isStale(e)) {
                EditableTranslation theirs = key == null ? null
                        : load(key).map(a -> a.in(language)).orElse(null);
                return new Conflict(draft, theirs);
            }
            throw e;
        }
    }

    private static boolean isStale(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private static String constraintName(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c) {
                String name = c.getConstraintName() != null ? c.getConstraintName() : String.valueOf(c.getMessage());
                return name.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------- checks

    /** A draft after checking: trimmed, tags parsed, slug derived; {@code problems} lists what is wrong. */
    private static final class Checked {
        final List<EditorialProblem> problems = new ArrayList<>();
        String title;
        String slug;
        String summary;
        String body;
        String categoryKey;
        Set<String> tags = new LinkedHashSet<>();
        LocalDate reviewBy;
        String coverImage;
        String coverAlt;
        boolean followsOther;
    }

    /** Everything that can be checked without the database; nothing stops at the first problem. */
    static Checked check(ArticleDraft draft) {
        Checked c = new Checked();
        c.title = text(c, "title", draft.title(), MAX_TITLE, true, false);
        String slug = draft.slug() == null ? "" : draft.slug().strip();
        if (slug.isEmpty() && c.title != null) {
            slug = Slugs.slugify(c.title);
        }
        if (slug.isEmpty()) {
            c.problems.add(new EditorialProblem("slug", Code.REQUIRED, null));
        } else if (!Slugs.isValid(slug)) {
            c.problems.add(new EditorialProblem("slug", Code.SLUG_INVALID, null));
        }
        c.slug = slug;
        c.summary = text(c, "summary", draft.summary(), MAX_SUMMARY, false, true);
        String body = draft.bodyMarkdown() == null ? null : draft.bodyMarkdown().replace("\r\n", "\n").replace('\r', '\n');
        c.body = text(c, "body", body, MAX_BODY, true, true);
        if (c.body != null) {
            // Keep the Markdown as written (leading indentation is meaningful); only trailing blank space goes.
            c.body = body.stripTrailing();
        }
        c.categoryKey = draft.categoryKey() == null || draft.categoryKey().isBlank() ? null : draft.categoryKey().strip();
        String tags = draft.tags() == null ? "" : draft.tags().strip();
        if (!tags.isEmpty()) {
            for (String tag : tags.split("[,\\s]+")) {
                String t = tag.toLowerCase(Locale.ROOT);
                if (t.isEmpty()) {
                    continue;
                }
                if (t.length() > MAX_TAG || !Slugs.VALID.matcher(t).matches()) {
                    c.problems.add(new EditorialProblem("tags", Code.TAG_INVALID,
                            t.length() > 40 ? t.substring(0, 40) + "…" : t));
                } else {
                    c.tags.add(t);
                }
            }
            if (c.tags.size() > MAX_TAGS) {
                c.problems.add(new EditorialProblem("tags", Code.TOO_MANY_TAGS, String.valueOf(MAX_TAGS)));
            }
        }
        c.reviewBy = draft.reviewBy();
        String cover = draft.coverImageId() == null ? "" : draft.coverImageId().strip();
        if (!cover.isEmpty()) {
            if (!cover.matches(IMAGE_ID)) {
                c.problems.add(new EditorialProblem("cover", Code.COVER_UNKNOWN, null));
            }
            c.coverImage = cover;
            c.coverAlt = text(c, "coverAlt", draft.coverAlt(), MAX_ALT, false, false);
            if (c.coverAlt == null && c.problems.stream().noneMatch(p -> p.field().equals("coverAlt"))) {
                c.problems.add(new EditorialProblem("coverAlt", Code.COVER_ALT_REQUIRED, null));
            }
        }
        c.followsOther = draft.followsOtherLanguage();
        return c;
    }

    /** A checked text field: stripped, null when blank; the length is checked before anything reads the whole. */
    private static String text(Checked c, String field, String value, int max, boolean required, boolean multiline) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                c.problems.add(new EditorialProblem(field, Code.REQUIRED, null));
            }
            return null;
        }
        if (v.length() > max) {
            c.problems.add(new EditorialProblem(field, Code.TOO_LONG, String.valueOf(max)));
            return null;
        }
        if (v.indexOf('\uFFFD') >= 0) {
            // What a browser or a decoder leaves of bytes that were not UTF-8.
            c.problems.add(new EditorialProblem(field, Code.BROKEN_CHARACTER, null));
            return null;
        }
        try {
            TextRules.requireCleanText(field, v, multiline);
        } catch (IllegalArgumentException e) {
            c.problems.add(new EditorialProblem(field, e.getMessage().contains("broken")
                    ? Code.BROKEN_CHARACTER : Code.INVISIBLE_CHARACTER, null));
            return null;
        }
        return v;
    }

    private static List<EditorialProblem> checkAgainstDatabase(Session session, Checked c, Language language,
                                                               ArticleTranslation current) {
        List<EditorialProblem> problems = new ArrayList<>();
        if (c.categoryKey != null && session.bySimpleNaturalId(Category.class).load(c.categoryKey) == null) {
            problems.add(new EditorialProblem("category", Code.CATEGORY_UNKNOWN, null));
        }
        if (c.coverImage != null && session.find(MediaImage.class, c.coverImage) == null) {
            problems.add(new EditorialProblem("cover", Code.COVER_UNKNOWN, null));
        }
        Long taken = session.createSelectionQuery(
                        "select t.id from ArticleTranslation t where t.language = :lang and t.slug = :slug", Long.class)
                .setParameter("lang", language)
                .setParameter("slug", c.slug)
                .setMaxResults(1)
                .getSingleResultOrNull();
        if (taken != null && (current == null || !taken.equals(current.getId()))) {
            problems.add(new EditorialProblem("slug", Code.SLUG_TAKEN, null));
        }
        return problems;
    }

    private static String uniqueKey(Session session, String slug) {
        String base = slug.length() <= MAX_KEY - 4 ? slug : slug.substring(0, MAX_KEY - 4).replaceAll("-+[a-z0-9]*$", "");
        String key = base;
        for (int n = 2; key.equals(RESERVED_KEY) || article(session, key) != null; n++) {
            key = base + "-" + n;
        }
        return key;
    }

    private static PortalUser editor(Session session, SignedInUser actor) {
        PortalUser user = actor == null ? null : session.find(PortalUser.class, actor.id());
        boolean allowed = user != null && user.isEnabled()
                && (user.getRole() == Role.EDITOR || user.getRole() == Role.ADMINISTRATOR);
        return allowed ? user : null;
    }

    private static Rejected notAllowed() {
        return new Rejected(List.of(new EditorialProblem("actor", Code.NOT_ALLOWED, null)));
    }

    // ---------------------------------------------------------------------------------------------- revisions

    /** The revisions of a language version, newest first. */
    public List<RevisionSummary> revisions(String key, Language language) {
        return sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "from ArticleRevision r where r.article.key = :key and r.language = :lang order by r.number desc",
                        ArticleRevision.class)
                .setParameter("key", key)
                .setParameter("lang", language)
                .setReadOnly(true)
                .getResultList().stream().map(EditorialService::summary).toList());
    }

    /**
     * What changed from one revision to another of the same language version: title, slug, summary, category,
     * tags, status, publication time, review date and cover as fields, and the body line by line. Empty when
     * either is unknown or they belong to different language versions.
     */
    public Optional<RevisionDiff> diff(long fromId, long toId) {
        return sessionFactory.fromTransaction(session -> {
            ArticleRevision a = session.find(ArticleRevision.class, fromId);
            ArticleRevision b = session.find(ArticleRevision.class, toId);
            if (a == null || b == null || !a.getArticle().getId().equals(b.getArticle().getId())
                    || a.getLanguage() != b.getLanguage()) {
                return Optional.empty();
            }
            List<RevisionDiff.FieldChange> fields = new ArrayList<>();
            field(fields, "title", a.getTitle(), b.getTitle());
            field(fields, "slug", a.getSlug(), b.getSlug());
            field(fields, "summary", a.getSummary(), b.getSummary());
            field(fields, "category", a.getCategoryKey(), b.getCategoryKey());
            field(fields, "tags", a.getTags().replace(",", ", "), b.getTags().replace(",", ", "));
            field(fields, "status", a.getStatus().name(), b.getStatus().name());
            field(fields, "publishAt", local(a.getPublishAt()), local(b.getPublishAt()));
            field(fields, "reviewBy", String.valueOf(a.getReviewBy()), String.valueOf(b.getReviewBy()));
            field(fields, "cover", a.getCoverImage(), b.getCoverImage());
            field(fields, "coverAlt", a.getCoverAlt(), b.getCoverAlt());
            return Optional.of(new RevisionDiff(summary(a), summary(b), fields,
                    LineDiff.diff(a.getBodyMarkdown(), b.getBodyMarkdown())));
        });
    }

    private static void field(List<RevisionDiff.FieldChange> fields, String name, String before, String after) {
        String x = before == null || before.equals("null") ? "" : before;
        String y = after == null || after.equals("null") ? "" : after;
        if (!x.equals(y)) {
            fields.add(new RevisionDiff.FieldChange(name, x, y));
        }
    }

    private static String local(Instant instant) {
        return instant == null ? null
                : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(LocalDateTime.ofInstant(instant, ZONE));
    }

    private static RevisionSummary summary(ArticleRevision r) {
        return new RevisionSummary(r.getId(), r.getNumber(), r.getAction(), r.getAuthorEmail(), r.getSavedAt(),
                r.getTitle(), r.getStatus());
    }

    // ---------------------------------------------------------------------------------------------- translations

    /**
     * Every article with the state of each language: missing, outdated (the other language's text changed after
     * this one's, and neither save said it follows the other) or up to date. Ordered by key.
     */
    public List<TranslationMatrixRow> translationMatrix() {
        return sessionFactory.fromTransaction(session -> {
            List<Object[]> rows = session.createSelectionQuery("select a.key, t.language, t.title, t.contentChangedAt,"
                            + " t.basedOnOtherAt from ArticleTranslation t join t.article a order by a.key", Object[].class)
                    .getResultList();
            Map<String, Map<Language, Object[]>> byKey = new LinkedHashMap<>();
            for (Object[] row : rows) {
                byKey.computeIfAbsent((String) row[0], k -> new EnumMap<>(Language.class)).put((Language) row[1], row);
            }
            return byKey.entrySet().stream().map(e -> {
                Object[] ro = e.getValue().get(Language.RO);
                Object[] ru = e.getValue().get(Language.RU);
                String title = (String) (ro != null ? ro : ru)[2];
                return new TranslationMatrixRow(e.getKey(), title, state(ro, ru), state(ru, ro));
            }).toList();
        });
    }

    /** Row layout: key, language, title, contentChangedAt, basedOnOtherAt. */
    static TranslationState state(Object[] self, Object[] other) {
        if (self == null) {
            return TranslationState.MISSING;
        }
        if (other == null) {
            return TranslationState.UP_TO_DATE;
        }
        Instant mine = (Instant) self[3];
        Instant mineFollows = (Instant) self[4];
        Instant theirs = (Instant) other[3];
        Instant theirsFollows = (Instant) other[4];
        boolean otherChangedSince = theirs.isAfter(mine);
        boolean otherFollowedMine = theirsFollows != null && !theirsFollows.isBefore(mine);
        boolean mineConfirmed = mineFollows != null && !mineFollows.isBefore(theirs);
        return otherChangedSince && !otherFollowedMine && !mineConfirmed
                ? TranslationState.OUTDATED : TranslationState.UP_TO_DATE;
    }

    // ---------------------------------------------------------------------------------------------- schedule

    /**
     * Publishes every scheduled language version whose time has come; called by {@link EditorialScheduler}.
     *
     * @return how many were published
     */
    public int publishDue() {
        return publishScheduled(clock.instant(), false);
    }

    /**
     * At start: publishes the scheduled versions whose time passed more than a minute ago (the portal was down
     * then) and flags them as published late, then those due now.
     *
     * @return how many were published late
     */
    public int publishMissed() {
        int late = publishScheduled(clock.instant().minus(LATE_AFTER), true);
        if (late > 0) {
            log.warn("Published {} scheduled article version(s) whose time had passed while the portal was down", late);
        }
        publishDue();
        return late;
    }

    private int publishScheduled(Instant dueBy, boolean late) {
        List<Long> due = sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "select t.id from ArticleTranslation t where t.status = :scheduled and t.publishedAt <= :due"
                                + " order by t.publishedAt", Long.class)
                .setParameter("scheduled", ArticleStatus.SCHEDULED)
                .setParameter("due", dueBy)
                .getResultList());
        int published = 0;
        for (Long id : due) {
            try {
                // One transaction each: an editor changing one of them at this moment holds up no other.
                boolean done = sessionFactory.fromTransaction(session -> {
                    ArticleTranslation t = session.find(ArticleTranslation.class, id);
                    if (t == null || t.getStatus() != ArticleStatus.SCHEDULED || t.getPublishedAt().isAfter(dueBy)) {
                        return false;
                    }
                    Instant now = now();
                    t.setPublication(ArticleStatus.PUBLISHED, t.getPublishedAt());
                    t.setPublishedLate(late);
                    t.touch(now);
                    int number = addRevision(session, t, RevisionAction.PUBLISHED_BY_SCHEDULE, null, now);
                    String key = t.getArticle().getKey();
                    audit.record(session, null, null, AuditAction.ARTICLE_PUBLISHED_BY_SCHEDULE,
                            key + "/" + t.getLanguage().code(), "#" + number + (late ? " late" : ""));
                    SearchOutbox.changed(session, ArticleSearchSource.TYPE, key, now);
                    return true;
                });
                published += done ? 1 : 0;
            } catch (RuntimeException e) {
                // Most likely an editor's save of the same version at the same moment; the next round looks again.
                log.warn("Scheduled publication of article version {} postponed: {}", id, e.toString());
            }
        }
        return published;
    }

    // ---------------------------------------------------------------------------------------------- mapping

    /** Now, to the microsecond the database keeps, so a saved version reads back equal to what a save returned. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    private static Article article(Session session, String key) {
        if (key == null || key.length() > MAX_KEY) {
            return null;
        }
        return session.bySimpleNaturalId(Article.class).load(key);
    }

    private EditorialListItem listItem(Article a) {
        Map<Language, TranslationBadge> badges = new EnumMap<>(Language.class);
        Instant updated = a.getUpdatedAt();
        for (ArticleTranslation t : a.getTranslations()) {
            badges.put(t.getLanguage(), new TranslationBadge(t.getTitle(), t.getStatus(), t.getPublishedAt(),
                    t.getReviewBy(), t.getReviewBy() != null && t.getReviewBy().isBefore(today()), t.isPublishedLate()));
            updated = t.getUpdatedAt().isAfter(updated) ? t.getUpdatedAt() : updated;
        }
        return new EditorialListItem(a.getKey(), a.getCategory() == null ? null : a.getCategory().getKey(), updated,
                badges.get(Language.RO), badges.get(Language.RU));
    }

    private static EditableArticle editable(Session session, Article a) {
        EditableTranslation ro = a.translation(Language.RO).map(t -> editable(session, t)).orElse(null);
        EditableTranslation ru = a.translation(Language.RU).map(t -> editable(session, t)).orElse(null);
        return new EditableArticle(a.getKey(), a.getCategory() == null ? null : a.getCategory().getKey(), ro, ru);
    }

    private static EditableTranslation editable(Session session, ArticleTranslation t) {
        Category category = t.getArticle().getCategory();
        return new EditableTranslation(t.getArticle().getKey(), t.getLanguage(), t.getVersion(), t.getTitle(),
                t.getSlug(), t.getSummary(), t.getBodyMarkdown(), t.getBodyHtml(),
                category == null ? null : category.getKey(), t.getTags().stream().sorted().toList(), t.getStatus(),
                t.getPublishedAt(), t.getReviewBy(), ImageService.cover(session, t.getCoverImage()), t.getCoverAlt(),
                t.getAuthorEmail(), t.getContentChangedAt(), t.getUpdatedAt(), t.isPublishedLate());
    }
}
