package md.migratiesigura.portal.article;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import md.migratiesigura.portal.account.PortalUser;
import md.migratiesigura.portal.article.EditorialChecks.Checked;
import md.migratiesigura.portal.article.EditorialProblem.Code;
import md.migratiesigura.portal.article.SaveResult.Conflict;
import md.migratiesigura.portal.article.SaveResult.Rejected;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.PortalTime;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.content.MarkdownRenderer;
import md.migratiesigura.portal.persistence.CommitConflicts;
import org.hibernate.SessionFactory;

/**
 * The editors' work on an article: loading it, writing both language versions and taking the workflow's steps
 * (review, publish, schedule, unpublish). The list of articles is {@link EditorialListQueries}, the history
 * {@link RevisionService}, the translation matrix {@link TranslationQueries}, the scheduled publication
 * {@link ScheduledPublisher}.
 *
 * <p>Every call is one transaction. Every change is checked first and written whole or not at all: the translation,
 * an immutable revision, an audit entry and a search-outbox row commit together. Changes need an enabled editor
 * or administrator; anyone else gets {@link Code#NOT_ALLOWED}. Saves carry the version the editor loaded, and a
 * save based on an older version is a {@link Conflict} that hands the editor's text back.
 */
public class EditorialService {

    public static final int MAX_TITLE = 300;
    public static final int MAX_SUMMARY = 1000;
    public static final int MAX_BODY = 200_000;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 64;
    public static final int MAX_ALT = 300;
    public static final int MAX_KEY = 100;
    /** The expected version of a language version not written yet. */
    public static final int NEW_TRANSLATION = -1;
    /** {@code /admin/articles/new} is the page for a new article, so no article may have this key. */
    static final String RESERVED_KEY = "new";

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
    private final Clock clock;
    private final TranslationWriter writer;

    public EditorialService(SessionFactory sessionFactory, MarkdownRenderer markdown, AuditService audit, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.markdown = markdown;
        this.clock = clock;
        this.writer = new TranslationWriter(sessionFactory, markdown, audit, clock);
    }

    /** The article with both its language versions, for the editor. */
    public Optional<EditableArticle> load(String key) {
        return writer.load(key);
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
        return create(actor, language, draft, ArticleKind.ARTICLE);
    }

    /**
     * Creates a page with its first language version, a draft, like {@link #create}; its slug may not be the first
     * segment of a fixed address ({@link ReservedSlugs}), and its category, tags and cover are ignored.
     */
    public SaveResult createPage(SignedInUser actor, Language language, ArticleDraft draft) {
        return create(actor, language, draft, ArticleKind.PAGE);
    }

    private SaveResult create(SignedInUser actor, Language language, ArticleDraft draft, ArticleKind kind) {
        Checked checked = EditorialChecks.check(draft);
        if (!checked.problems.isEmpty()) {
            return new Rejected(checked.problems);
        }
        return writer.guarded(draft, null, language, () -> CommitConflicts.retry(() -> sessionFactory.fromTransaction(session -> {
            PortalUser editor = TranslationWriter.editor(session, actor);
            if (editor == null) {
                return TranslationWriter.notAllowed();
            }
            List<EditorialProblem> problems = EditorialChecks.checkAgainstDatabase(session, checked, language, null,
                    kind);
            if (!problems.isEmpty()) {
                return new Rejected(problems);
            }
            String key = TranslationWriter.uniqueKey(session, checked.slug);
            Instant now = TranslationWriter.now(clock);
            Article article = kind == ArticleKind.PAGE ? Article.page(key, now) : new Article(key, null, now);
            session.persist(article);
            return writer.write(session, editor, article, null, language, checked, Step.SAVE, null, null);
        })));
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
        Checked checked = EditorialChecks.check(draft);
        Instant when = null;
        if (step == Step.SCHEDULE) {
            if (publishAt == null) {
                checked.problems.add(new EditorialProblem("publishAt", Code.PUBLISH_AT_REQUIRED, null));
            } else {
                when = publishAt.atZone(PortalTime.ZONE).toInstant();
                if (!when.isAfter(clock.instant())) {
                    checked.problems.add(new EditorialProblem("publishAt", Code.PUBLISH_AT_PAST, null));
                }
            }
        }
        if (!checked.problems.isEmpty()) {
            return new Rejected(checked.problems);
        }
        Instant scheduledFor = when;
        return writer.guarded(draft, key, language, () -> CommitConflicts.retry(() -> sessionFactory.fromTransaction(
                session -> writer.writeChecked(session, actor, key, language, expectedVersion, draft, checked, step,
                        scheduledFor, null))));
    }
}
