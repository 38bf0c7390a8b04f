package md.migratiesigura.portal.web.article;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import md.migratiesigura.portal.article.ArticleDraft;
import md.migratiesigura.portal.article.ArticleSource;
import md.migratiesigura.portal.article.EditableTranslation;

/**
 * What the editor's form holds for one language, as typed (dates as the browser sends them: {@code 2026-01-20},
 * {@code 2026-01-20T10:00}). Kept with the page, so a refused or conflicting save shows the text again unchanged.
 */
public class ArticleDraftForm implements Serializable {

    private String title;
    private String slug;
    private String summary;
    private String body;
    private String category;
    private String tags;
    private String reviewBy;
    private String publishAt;
    private String coverImageId;
    private String coverAlt;
    private boolean removeCover;
    private boolean followsOther;
    private String reviewed;
    private final List<SourceRow> sources = new ArrayList<>();

    public static ArticleDraftForm of(EditableTranslation t) {
        ArticleDraftForm form = new ArticleDraftForm();
        if (t != null) {
            form.fill(t.toDraft());
        } else {
            form.sources.add(new SourceRow());
        }
        return form;
    }

    /** Takes the text of a draft (a saved version's, or the editor's own handed back by a conflict). */
    public void fill(ArticleDraft d) {
        title = d.title();
        slug = d.slug();
        summary = d.summary();
        body = d.bodyMarkdown();
        category = d.categoryKey();
        tags = d.tags();
        reviewBy = d.reviewBy() == null ? null : d.reviewBy().toString();
        coverImageId = d.coverImageId();
        coverAlt = d.coverAlt();
        removeCover = false;
        followsOther = false;
        reviewed = d.reviewed() == null ? null : d.reviewed().toString();
        sources.clear();
        d.sources().forEach(s -> sources.add(SourceRow.of(s)));
        if (sources.isEmpty()) {
            sources.add(new SourceRow());
        }
    }

    /** The draft for the service; a review date that is not a date is null here (see {@link #reviewByIsValid()}). */
    public ArticleDraft toDraft() {
        return new ArticleDraft(title, slug, summary, body, category, tags, parseDate(reviewBy),
                removeCover ? null : coverImageId, removeCover ? null : coverAlt, followsOther, parseDate(reviewed),
                sources.stream().map(r -> new ArticleSource(r.getTitle(), r.getPublisher(), r.getUrl(),
                        parseDate(r.getConsulted()))).toList());
    }

    public boolean reviewByIsValid() {
        return isDateOrBlank(reviewBy);
    }

    public boolean reviewedIsValid() {
        return isDateOrBlank(reviewed);
    }

    /** The positions of the source rows whose consultation date was typed but is not a date. */
    public List<Integer> sourcesWithBadDate() {
        List<Integer> bad = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (!isDateOrBlank(sources.get(i).getConsulted())) {
                bad.add(i);
            }
        }
        return bad;
    }

    private static boolean isDateOrBlank(String text) {
        return text == null || text.isBlank() || parseDate(text) != null;
    }

    public List<SourceRow> getSources() {
        return sources;
    }

    public String getReviewed() {
        return reviewed;
    }

    public void setReviewed(String reviewed) {
        this.reviewed = reviewed;
    }

    /** The publication time typed, or null when empty or not a date-time. */
    public LocalDateTime publishAtValue() {
        try {
            return publishAt == null || publishAt.isBlank() ? null : LocalDateTime.parse(publishAt.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate parseDate(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getReviewBy() {
        return reviewBy;
    }

    public void setReviewBy(String reviewBy) {
        this.reviewBy = reviewBy;
    }

    public String getPublishAt() {
        return publishAt;
    }

    public void setPublishAt(String publishAt) {
        this.publishAt = publishAt;
    }

    public String getCoverImageId() {
        return coverImageId;
    }

    public void setCoverImageId(String coverImageId) {
        this.coverImageId = coverImageId;
    }

    public String getCoverAlt() {
        return coverAlt;
    }

    public void setCoverAlt(String coverAlt) {
        this.coverAlt = coverAlt;
    }

    public boolean isRemoveCover() {
        return removeCover;
    }

    public void setRemoveCover(boolean removeCover) {
        this.removeCover = removeCover;
    }

    public boolean isFollowsOther() {
        return followsOther;
    }

    public void setFollowsOther(boolean followsOther) {
        this.followsOther = followsOther;
    }

    /** One source row of the form, as typed. */
    public static class SourceRow implements Serializable {
        private String title;
        private String publisher;
        private String url;
        private String consulted;

        static SourceRow of(ArticleSource source) {
            SourceRow row = new SourceRow();
            row.title = source.title();
            row.publisher = source.publisher();
            row.url = source.url();
            row.consulted = source.consulted() == null ? null : source.consulted().toString();
            return row;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getPublisher() {
            return publisher;
        }

        public void setPublisher(String publisher) {
            this.publisher = publisher;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getConsulted() {
            return consulted;
        }

        public void setConsulted(String consulted) {
            this.consulted = consulted;
        }
    }
}
