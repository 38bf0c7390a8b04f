-- The editors' equivalent-word lists for search (docs/search.md, "Equivalent words"): one row per line of a
-- language's list, "a, b, c" (equivalent) or "a, b => c" (one way). Applied when readers search, never indexed.
CREATE TABLE search_words (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    language    CHAR(2)       CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    words       VARCHAR(500)  NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_search_words_language (language, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
