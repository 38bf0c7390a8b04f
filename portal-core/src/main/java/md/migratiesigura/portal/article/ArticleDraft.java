package md.migratiesigura.portal.article;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What an editor typed for one language version, exactly as typed: the service checks it, and a refused or
 * conflicting save hands it back unchanged so nothing typed is lost.
 *
 * @param slug                 blank to derive it from the title
 * @param tags                 words separated by commas or spaces, e.g. {@code "contract, agentie"}
 * @param coverImageId         an uploaded image's id, or null for no cover
 * @param followsOtherLanguage the editor says this text now matches the other language's current text (the
 *                             translation matrix then stops calling the other one outdated because of this save)
 */
public record ArticleDraft(String title, String slug, String summary, String bodyMarkdown, String categoryKey,
                           String tags, LocalDate reviewBy, String coverImageId, String coverAlt,
                           boolean followsOtherLanguage) implements Serializable {

    /** A draft with only the required parts, for tests and quick stubs. */
    public static ArticleDraft of(String title, String bodyMarkdown) {
        return new ArticleDraft(title, "", null, bodyMarkdown, null, "", null, null, null, false);
    }

    public ArticleDraft withTitle(String value) {
        return new ArticleDraft(value, slug, summary, bodyMarkdown, categoryKey, tags, reviewBy, coverImageId, coverAlt,
                followsOtherLanguage);
    }

    public ArticleDraft withSlug(String value) {
        return new ArticleDraft(title, value, summary, bodyMarkdown, categoryKey, tags, reviewBy, coverImageId, coverAlt,
                followsOtherLanguage);
    }

    public ArticleDraft withSummary(String value) {
        return new ArticleDraft(title, slug, value, bodyMarkdown, categoryKey, tags, reviewBy, coverImageId, coverAlt,
                followsOtherLanguage);
    }

    public ArticleDraft withBody(String value) {
        return new ArticleDraft(title, slug, summary, value, categoryKey, tags, reviewBy, coverImageId, coverAlt,
                followsOtherLanguage);
    }

    public ArticleDraft withCategory(String value) {
        return new ArticleDraft(title, slug, summary, bodyMarkdown, value, tags, reviewBy, coverImageId, coverAlt,
                followsOtherLanguage);
    }

    public ArticleDraft withTags(String value) {
        return new ArticleDraft(title, slug, summary, bodyMarkdown, categoryKey, value, reviewBy, coverImageId, coverAlt,
                followsOtherLanguage);
    }

    public ArticleDraft withReviewBy(LocalDate value) {
        return new ArticleDraft(title, slug, summary, bodyMarkdown, categoryKey, tags, value, coverImageId, coverAlt,
                followsOtherLanguage);
    }

    public ArticleDraft withCover(String imageId, String altText) {
        return new ArticleDraft(title, slug, summary, bodyMarkdown, categoryKey, tags, reviewBy, imageId, altText,
                followsOtherLanguage);
    }

    public ArticleDraft followingOtherLanguage() {
        return new ArticleDraft(title, slug, summary, bodyMarkdown, categoryKey, tags, reviewBy, coverImageId, coverAlt,
                true);
    }
}
