package md.migratiesigura.portal.article;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import md.migratiesigura.portal.article.EditorialChecks.Checked;
import md.migratiesigura.portal.article.EditorialProblem.Code;
import md.migratiesigura.portal.article.EditorialService.Step;
import md.migratiesigura.portal.article.SaveResult.Rejected;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.PortalTime;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.content.MarkdownRenderer;
import org.hibernate.SessionFactory;

/**
 * The history of a language version: its immutable revisions, what changed between two of them, and writing an
 * earlier one back. A restore is checked and written like any save ({@link TranslationWriter}), so it needs an
 * enabled editor or administrator and the version the editor loaded.
 */
public class RevisionService {

    private final SessionFactory sessionFactory;
    private final TranslationWriter writer;

    public RevisionService(SessionFactory sessionFactory, MarkdownRenderer markdown, AuditService audit, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.writer = new TranslationWriter(sessionFactory, markdown, audit, clock);
    }

    /** The revisions of a language version, newest first. */
    public List<RevisionSummary> revisions(String key, Language language) {
        return sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "from ArticleRevision r where r.article.key = :key and r.language = :lang order by r.number desc",
                        ArticleRevision.class)
                .setParameter("key", key)
                .setParameter("lang", language)
                .setReadOnly(true)
                .getResultList().stream().map(RevisionService::summary).toList());
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
            field(fields, "reviewed", String.valueOf(a.getReviewed()), String.valueOf(b.getReviewed()));
            field(fields, "sources", a.getSourcesText().strip(), b.getSourcesText().strip());
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
                : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(LocalDateTime.ofInstant(instant, PortalTime.ZONE));
    }

    private static RevisionSummary summary(ArticleRevision r) {
        return new RevisionSummary(r.getId(), r.getNumber(), r.getAction(), r.getAuthorEmail(), r.getSavedAt(),
                r.getTitle(), r.getStatus());
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
                                r.getReviewBy(), r.getCoverImage(), r.getCoverAlt(), false, r.getReviewed(),
                                r.getSources()), r.getNumber())));
        if (target.isEmpty()) {
            return new Rejected(List.of(new EditorialProblem("revision", Code.UNKNOWN_REVISION, null)));
        }
        RestoreTarget t = target.get();
        Checked checked = EditorialChecks.check(t.draft());
        if (!checked.problems.isEmpty()) {
            return new Rejected(checked.problems);
        }
        return writer.guarded(t.draft(), t.key(), t.language(), () -> sessionFactory.fromTransaction(session ->
                writer.writeChecked(session, actor, t.key(), t.language(), expectedVersion, t.draft(), checked,
                        Step.SAVE, null, t.number())));
    }

    private record RestoreTarget(String key, Language language, ArticleDraft draft, int number) {
    }
}
