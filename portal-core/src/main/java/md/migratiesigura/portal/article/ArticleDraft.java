package md.migratiesigura.portal.article;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * What an editor typed for one language version, exactly as typed: the service checks it, and a refused or
 * conflicting save hands it back unchanged so nothing typed is lost.
 *
 * @param slug                 blank to derive it from the title
 * @param tags                 words separated by commas or spaces, e.g. {@code "contract, agentie"}
 * @param coverImageId         an uploaded image's id, or null for no cover
 * @param followsOtherLanguage the editor says this text now matches the other language's current text (the
 *                             translation matrix then stops calling the other one outdated because of this save)
 * @param reviewed             when the text was last checked against its sources, or null
 * @param sources              the sources in order; a row left wholly blank is ignored, so a form may send empty
 *                             rows; a source's {@code consulted} is null when none was given
 */
public record ArticleDraft(String title, String slug, String summary, String bodyMarkdown, String categoryKey,
                           String tags, LocalDate reviewBy, String coverImageId, String coverAlt,
                           boolean followsOtherLanguage, LocalDate reviewed, List<ArticleSource> sources)
        implements Serializable {

    public ArticleDraft {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** A draft with only the required parts, for tests and quick stubs. */
    public static ArticleDraft of(String title, String bodyMarkdown) {
        return new ArticleDraft(title, "", null, bodyMarkdown, null, "", null, null, null, false, null, List.of());
    }

    public ArticleDraft withTitle(String value) {
        return new ArticleDraft(value, slug, summary, bodyMarkdown, categoryKey, tags, reviewBy, coverImageId, coverAlt,
                followsOtherLanguage, reviewed, sources);
    }

    public ArticleDraft withSlug(String value) {
        return new ArticleDraft(title, value, summary, bodyMarkdown, categoryKey, tags, reviewBy, coverImageId, coverAlt,
                followsOtherLanguage, reviewed, sources);
    }

    public ArticleDraft withSummary(String value) {
        return new ArticleDraft(title, slug, value, bodyMarkdown, categoryKey, tags, reviewBy, coverImageId, coverAlt,
                followsOtherLanguage, reviewed, sources);
    }

    public ArticleDraft withBody(String value) {
        return new ArticleDraft(title, slug, summary, value, categoryKey, tags, reviewBy, coverImageId, coverAlt,
                followsOtherLanguage, reviewed, sources);
    }

    public ArticleDraft withCategory(String value) {
        return new ArticleDraft(title, slug, summary, bodyMarkdown, value, tags, reviewBy, coverImageId, coverAlt,
                followsOtherLanguage, reviewed, sources);
    }

    public ArticleDraft withTags(String value) {
        return new ArticleDraft(title, slug, summary, bodyMarkdown, categoryKey, value, reviewBy, coverImageId, coverAlt,
                followsOtherLanguage, reviewed, sources);
    }

    public ArticleDraft withReviewBy(LocalDate value) {
        return new ArticleDraft(title, slug, summary, bodyMarkdown, categoryKey, tags, value, coverImageId, coverAlt,
                followsOtherLanguage, reviewed, sources);
    }

    public ArticleDraft withCover(String imageId, String altText) {
        return new ArticleDraft(title, slug, summary, bodyMarkdown, categoryKey, tags, reviewBy, imageId, altText,
                followsOtherLanguage, reviewed, sources);
    }

    public ArticleDraft followingOtherLanguage() {
        return new ArticleDraft(title, slug, summary, bodyMarkdown, categoryKey, tags, reviewBy, coverImageId, coverAlt,
                true, reviewed, sources);
    }

    public ArticleDraft withReview(LocalDate reviewedOn, List<ArticleSource> sourceList) {
        return new ArticleDraft(title, slug, summary, bodyMarkdown, categoryKey, tags, reviewBy, coverImageId, coverAlt,
                followsOtherLanguage, reviewedOn, sourceList);
    }
}
