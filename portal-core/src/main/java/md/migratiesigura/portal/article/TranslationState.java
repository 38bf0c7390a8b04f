package md.migratiesigura.portal.article;

/** A language version in the translation matrix. */
public enum TranslationState {
    /** Not written in this language. */
    MISSING,
    /** The other language's text changed after this one's, and nobody said this one follows it. */
    OUTDATED,
    UP_TO_DATE
}
