package md.migratiesigura.portal.article;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.LanguageConverter;
import org.hibernate.annotations.Immutable;

/**
 * A language version of an article as it was after one save or workflow step. Written once: Hibernate never
 * updates an {@link Immutable} entity, and there is no setter.
 */
@Entity
@Immutable
@Table(name = "article_revisions")
public class ArticleRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id", nullable = false, updatable = false)
    private Article article;

    @Convert(converter = LanguageConverter.class)
    @Column(name = "lang", nullable = false, updatable = false, columnDefinition = "char(2)")
    private Language language;

    @Column(nullable = false, updatable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private RevisionAction action;

    @Column(nullable = false, updatable = false)
    private String title;

    @Column(nullable = false, updatable = false)
    private String slug;

    @Column(updatable = false)
    private String summary;

    @Column(name = "category_key", updatable = false)
    private String categoryKey;

    /** Tags joined by commas (tags are ASCII words without commas). */
    @Column(nullable = false, updatable = false)
    private String tags;

    @Column(name = "body_markdown", nullable = false, updatable = false, columnDefinition = "mediumtext")
    private String bodyMarkdown;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ArticleStatus status;

    @Column(name = "publish_at", updatable = false)
    private Instant publishAt;

    @Column(name = "review_by", updatable = false)
    private LocalDate reviewBy;

    @Column(name = "reviewed", updatable = false)
    private LocalDate reviewed;

    /** The sources, one a line ({@link ArticleSource#toLines}); null when there were none. */
    @Column(name = "sources", updatable = false, columnDefinition = "mediumtext")
    private String sources;

    @Column(name = "cover_image", updatable = false, columnDefinition = "char(32)")
    private String coverImage;

    @Column(name = "cover_alt", updatable = false)
    private String coverAlt;

    @Column(name = "author_email", updatable = false)
    private String authorEmail;

    @Column(name = "saved_at", nullable = false, updatable = false)
    private Instant savedAt;

    protected ArticleRevision() {
    }

    /** A copy of the translation as it is now. */
    public ArticleRevision(ArticleTranslation t, int number, RevisionAction action, String authorEmail, Instant now) {
        this.article = t.getArticle();
        this.language = t.getLanguage();
        this.number = number;
        this.action = action;
        this.title = t.getTitle();
        this.slug = t.getSlug();
        this.summary = t.getSummary();
        this.categoryKey = t.getArticle().getCategory() == null ? null : t.getArticle().getCategory().getKey();
        this.tags = String.join(",", t.getTags().stream().sorted().toList());
        this.bodyMarkdown = t.getBodyMarkdown();
        this.status = t.getStatus();
        this.publishAt = t.getPublishedAt();
        this.reviewBy = t.getReviewBy();
        this.reviewed = t.getReviewed();
        this.sources = ArticleSource.toLines(t.getSources());
        this.coverImage = t.getCoverImage();
        this.coverAlt = t.getCoverAlt();
        this.authorEmail = authorEmail;
        this.savedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Article getArticle() {
        return article;
    }

    public Language getLanguage() {
        return language;
    }

    public int getNumber() {
        return number;
    }

    public RevisionAction getAction() {
        return action;
    }

    public String getTitle() {
        return title;
    }

    public String getSlug() {
        return slug;
    }

    public String getSummary() {
        return summary;
    }

    public String getCategoryKey() {
        return categoryKey;
    }

    public String getTags() {
        return tags;
    }

    public String getBodyMarkdown() {
        return bodyMarkdown;
    }

    public ArticleStatus getStatus() {
        return status;
    }

    public Instant getPublishAt() {
        return publishAt;
    }

    public LocalDate getReviewBy() {
        return reviewBy;
    }

    public LocalDate getReviewed() {
        return reviewed;
    }

    public List<ArticleSource> getSources() {
        return ArticleSource.fromLines(sources);
    }

    /** The sources as stored, one a line, for comparing two revisions. */
    public String getSourcesText() {
        return sources == null ? "" : sources;
    }

    public String getCoverImage() {
        return coverImage;
    }

    public String getCoverAlt() {
        return coverAlt;
    }

    public String getAuthorEmail() {
        return authorEmail;
    }

    public Instant getSavedAt() {
        return savedAt;
    }
}
