package md.migratiesigura.portal.article;

import static md.migratiesigura.portal.article.EditorialService.MAX_KEY;
import static md.migratiesigura.portal.article.EditorialService.NEW_TRANSLATION;
import static md.migratiesigura.portal.article.EditorialService.RESERVED_KEY;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import md.migratiesigura.portal.account.PortalUser;
import md.migratiesigura.portal.article.EditorialChecks.Checked;
import md.migratiesigura.portal.article.EditorialProblem.Code;
import md.migratiesigura.portal.article.EditorialService.Step;
import md.migratiesigura.portal.article.SaveResult.Conflict;
import md.migratiesigura.portal.article.SaveResult.Rejected;
import md.migratiesigura.portal.article.SaveResult.Saved;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.PortalTime;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.content.MarkdownRenderer;
import md.migratiesigura.portal.content.TextRules;
import md.migratiesigura.portal.media.ImageService;
import md.migratiesigura.portal.persistence.ConcurrentChanges;
import md.migratiesigura.portal.search.SearchOutbox;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Writes a checked language version inside the caller's transaction: the text, the status, an immutable revision,
 * an audit entry and a search-outbox row, together. {@link EditorialService} and {@link RevisionService} write
 * through it, so that a save and a restore are recorded alike; {@link ScheduledPublisher} numbers its revisions
 * with it.
 */
final class TranslationWriter {

    private final SessionFactory sessionFactory;
    private final MarkdownRenderer markdown;
    private final AuditService audit;
    private final Clock clock;

    TranslationWriter(SessionFactory sessionFactory, MarkdownRenderer markdown, AuditService audit, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.markdown = markdown;
        this.audit = audit;
        this.clock = clock;
    }

    /** The article with both its language versions, for the editor. */
    Optional<EditableArticle> load(String key) {
        if (!TextRules.isPrintableAscii(key)) {
            return Optional.empty();
        }
        return sessionFactory.fromTransaction(session -> Optional.ofNullable(article(session, key))
                .map(a -> editable(session, a)));
    }

    /**
     * Writes a checked draft over a language version of an existing article, unless the actor may not, the article
     * is unknown, the version is not the one the editor loaded, or the database refuses the category, cover or slug.
     */
    SaveResult writeChecked(Session session, SignedInUser actor, String key, Language language, int expectedVersion,
                            ArticleDraft draft, Checked checked, Step step, Instant publishAt, Integer restoredNumber) {
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
        List<EditorialProblem> problems = EditorialChecks.checkAgainstDatabase(session, checked, language, current,
                article.getKind());
        if (!problems.isEmpty()) {
            return new Rejected(problems);
        }
        return write(session, editor, article, current, language, checked, step, publishAt, restoredNumber);
    }

    /** Writes what was checked: text, status, revision, audit entry and outbox row. */
    SaveResult write(Session session, PortalUser editor, Article article, ArticleTranslation current,
                     Language language, Checked c, Step step, Instant publishAt, Integer restoredNumber) {
        Instant now = now(clock);
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
                || !Objects.equals(c.coverAlt, t.getCoverAlt()) || !c.sources.equals(t.getSources());
        String html = created || !c.body.equals(t.getBodyMarkdown()) ? markdown.toHtml(c.body) : t.getBodyHtml();
        int minutes = MarkdownRenderer.readingMinutes(markdown.toPlainText(c.body));
        t.write(c.title, c.slug, c.summary, c.body, html, minutes, c.tags, c.reviewBy, now);
        t.setCover(c.coverImage, c.coverAlt);
        t.setReview(c.reviewed, c.sources);
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
                        LocalDateTime.ofInstant(publishAt, PortalTime.ZONE)) : "");
        audit.record(session, editor, editor.getEmail(), auditAction(created, step, restoredNumber != null),
                article.getKey() + "/" + language.code(), detail);
        SearchOutbox.changed(session, ArticleSearchSource.type(article), article.getKey(), now);
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

    static int addRevision(Session session, ArticleTranslation t, RevisionAction action, String author, Instant now) {
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
    SaveResult guarded(ArticleDraft draft, String key, Language language, Supplier<SaveResult> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            String constraint = constraintName(e);
            if (constraint != null && constraint.contains("slug")) {
                return new Rejected(List.of(new EditorialProblem("slug", Code.SLUG_TAKEN, null)));
            }
            if (constraint != null || ConcurrentChanges.isStale(e)) {
                EditableTranslation theirs = key == null ? null
                        : load(key).map(a -> a.in(language)).orElse(null);
                return new Conflict(draft, theirs);
            }
            throw e;
        }
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

    static String uniqueKey(Session session, String slug) {
        String base = slug.length() <= MAX_KEY - 4 ? slug : slug.substring(0, MAX_KEY - 4).replaceAll("-+[a-z0-9]*$", "");
        String key = base;
        for (int n = 2; key.equals(RESERVED_KEY) || article(session, key) != null; n++) {
            key = base + "-" + n;
        }
        return key;
    }

    static PortalUser editor(Session session, SignedInUser actor) {
        PortalUser user = actor == null ? null : session.find(PortalUser.class, actor.id());
        boolean allowed = user != null && user.isEnabled()
                && (user.getRole() == Role.EDITOR || user.getRole() == Role.ADMINISTRATOR);
        return allowed ? user : null;
    }

    static Rejected notAllowed() {
        return new Rejected(List.of(new EditorialProblem("actor", Code.NOT_ALLOWED, null)));
    }

    /** Now, to the microsecond the database keeps, so a saved version reads back equal to what a save returned. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static Article article(Session session, String key) {
        if (key == null || key.length() > MAX_KEY) {
            return null;
        }
        return session.bySimpleNaturalId(Article.class).load(key);
    }

    static EditableArticle editable(Session session, Article a) {
        EditableTranslation ro = a.translation(Language.RO).map(t -> editable(session, t)).orElse(null);
        EditableTranslation ru = a.translation(Language.RU).map(t -> editable(session, t)).orElse(null);
        return new EditableArticle(a.getKey(), a.getCategory() == null ? null : a.getCategory().getKey(), ro, ru,
                a.isPage());
    }

    static EditableTranslation editable(Session session, ArticleTranslation t) {
        Category category = t.getArticle().getCategory();
        return new EditableTranslation(t.getArticle().getKey(), t.getLanguage(), t.getVersion(), t.getTitle(),
                t.getSlug(), t.getSummary(), t.getBodyMarkdown(), t.getBodyHtml(),
                category == null ? null : category.getKey(), t.getTags().stream().sorted().toList(), t.getStatus(),
                t.getPublishedAt(), t.getReviewBy(), ImageService.cover(session, t.getCoverImage()), t.getCoverAlt(),
                t.getAuthorEmail(), t.getContentChangedAt(), t.getUpdatedAt(), t.isPublishedLate(), t.getReviewed(),
                List.copyOf(t.getSources()));
    }
}
