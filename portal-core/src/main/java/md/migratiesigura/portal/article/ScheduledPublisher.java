package md.migratiesigura.portal.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.search.SearchOutbox;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the scheduled language versions whose time has come, each with its revision, audit entry and
 * search-outbox row; {@link EditorialScheduler} decides when it runs.
 */
public class ScheduledPublisher {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);
    /** A scheduled time this far in the past at start counts as missed: published then, and flagged. */
    static final Duration LATE_AFTER = Duration.ofMinutes(1);

    private final SessionFactory sessionFactory;
    private final AuditService audit;
    private final Clock clock;

    public ScheduledPublisher(SessionFactory sessionFactory, AuditService audit, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.audit = audit;
        this.clock = clock;
    }

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
                    Instant now = TranslationWriter.now(clock);
                    t.setPublication(ArticleStatus.PUBLISHED, t.getPublishedAt());
                    t.setPublishedLate(late);
                    t.touch(now);
                    int number = TranslationWriter.addRevision(session, t, RevisionAction.PUBLISHED_BY_SCHEDULE, null, now);
                    String key = t.getArticle().getKey();
                    audit.record(session, null, null, AuditAction.ARTICLE_PUBLISHED_BY_SCHEDULE,
                            key + "/" + t.getLanguage().code(), "#" + number + (late ? " late" : ""));
                    SearchOutbox.changed(session, ArticleSearchSource.type(t.getArticle()), key, now);
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

}
