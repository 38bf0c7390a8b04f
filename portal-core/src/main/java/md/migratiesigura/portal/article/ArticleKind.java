package md.migratiesigura.portal.article;

/** What an {@link Article} is: a dated article in the listings and feeds, or an undated page at {@code /ro/{slug}}. */
public enum ArticleKind {
    ARTICLE,
    PAGE
}
