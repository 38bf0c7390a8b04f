package md.migratiesigura.portal.article;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.LanguageConverter;

/** One language version of an article: its own slug, text, status and publication time. */
@Entity
@Table(name = "article_translations")
public class ArticleTranslation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id", nullable = false, updatable = false)
    private Article article;

    @Convert(converter = LanguageConverter.class)
    @Column(name = "lang", nullable = false, updatable = false, columnDefinition = "char(2)")
    private Language language;

    @Column(nullable = false)
    private String slug;

    @Column(nullable = false)
    private String title;

    private String summary;

    @Column(name = "body_markdown", nullable = false, columnDefinition = "mediumtext")
    private String bodyMarkdown;

    /** Sanitized HTML, rendered when saved so that views never parse Markdown. */
    @Column(name = "body_html", nullable = false, columnDefinition = "mediumtext")
    private String bodyHtml;

    @Column(name = "reading_minutes", nullable = false)
    private int readingMinutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ArticleStatus status;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "review_by")
    private LocalDate reviewBy;

    /** When an editor last checked the text against its sources; null when never. */
    @Column(name = "reviewed")
    private LocalDate reviewed;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "article_sources", joinColumns = @JoinColumn(name = "translation_id"))
    @OrderColumn(name = "source_index")
    private List<ArticleSource> sources = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "article_translation_tags", joinColumns = @JoinColumn(name = "translation_id"))
    @Column(name = "tag", nullable = false)
    private Set<String> tags = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "cover_image")
    private String coverImage;

    @Column(name = "cover_alt")
    private String coverAlt;

    /** Who last saved the text, as the e-mail of their account (kept if the account goes). */
    @Column(name = "author_email")
    private String authorEmail;

    /** When the text itself last changed; workflow steps (publishing, scheduling) leave it alone. */
    @Column(name = "content_changed_at", nullable = false)
    private Instant contentChangedAt;

    /**
     * The other language's {@code contentChangedAt} that this version was last brought in line with, when its
     * editor said so; null otherwise. Keeps the translation matrix from calling the source "outdated" once its
     * translation is saved.
     */
    @Column(name = "based_on_other_at")
    private Instant basedOnOtherAt;

    /** Published at start because its scheduled time had passed while the portal was down. */
    @Column(name = "published_late", nullable = false)
    private boolean publishedLate;

    @Version
    private int version;

    protected ArticleTranslation() {
    }

    public ArticleTranslation(Article article, Language language, Instant now) {
        this.article = article;
        this.language = language;
        this.createdAt = now;
        this.updatedAt = now;
        this.contentChangedAt = now;
    }

    /** Replaces the text; the caller supplies the HTML rendered from the Markdown. */
    public void write(String title, String slug, String summary, String bodyMarkdown, String bodyHtml,
                      int readingMinutes, Set<String> tags, LocalDate reviewBy, Instant now) {
        this.title = title;
        this.slug = slug;
        this.summary = summary;
        this.bodyMarkdown = bodyMarkdown;
        this.bodyHtml = bodyHtml;
        this.readingMinutes = readingMinutes;
        this.tags.clear();
        this.tags.addAll(tags);
        this.reviewBy = reviewBy;
        this.updatedAt = now;
    }

    /** Replaces the sources and the date they were last checked (null: never). */
    public void setReview(LocalDate reviewed, List<ArticleSource> sources) {
        this.reviewed = reviewed;
        if (!this.sources.equals(sources)) {
            this.sources.clear();
            this.sources.addAll(sources);
        }
    }

    /** Records that the text changed now, by whom, and which version of the other language it follows (or null). */
    public void textChanged(String authorEmail, Instant basedOnOtherAt, Instant now) {
        this.authorEmail = authorEmail;
        this.basedOnOtherAt = basedOnOtherAt;
        this.contentChangedAt = now;
        this.updatedAt = now;
    }

    /** Records that this text was checked against the other language's text of that time, without changing. */
    public void followOther(Instant otherContentChangedAt) {
        this.basedOnOtherAt = otherContentChangedAt;
    }

    /** Sets or removes (null, null) the cover image and its alternative text. */
    public void setCover(String imageId, String altText) {
        this.coverImage = imageId;
        this.coverAlt = altText;
    }

    public void setPublishedLate(boolean late) {
        this.publishedLate = late;
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }

    public void setPublication(ArticleStatus status, Instant publishedAt) {
        this.status = status;
        this.publishedAt = publishedAt;
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

    public String getSlug() {
        return slug;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public String getBodyMarkdown() {
        return bodyMarkdown;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public int getReadingMinutes() {
        return readingMinutes;
    }

    public ArticleStatus getStatus() {
        return status;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public LocalDate getReviewBy() {
        return reviewBy;
    }

    public LocalDate getReviewed() {
        return reviewed;
    }

    public List<ArticleSource> getSources() {
        return sources;
    }

    public Set<String> getTags() {
        return tags;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
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

    public Instant getContentChangedAt() {
        return contentChangedAt;
    }

    public Instant getBasedOnOtherAt() {
        return basedOnOtherAt;
    }

    public boolean isPublishedLate() {
        return publishedLate;
    }

    public int getVersion() {
        return version;
    }
}
