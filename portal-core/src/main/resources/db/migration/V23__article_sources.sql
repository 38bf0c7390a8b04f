-- Where the facts of each language version come from, and when an editor last checked them against those sources.
-- A language version keeps its own list (the titles of a source may be in either language), in the order written.
-- The table's primary key is (translation, position): every table needs one for Galera.

ALTER TABLE article_translations
    ADD COLUMN reviewed DATE NULL;

CREATE TABLE article_sources (
    translation_id BIGINT        NOT NULL,
    source_index   INT           NOT NULL,
    title          VARCHAR(300)  NOT NULL,
    publisher      VARCHAR(300)  NOT NULL,
    url            VARCHAR(2000) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    consulted      DATE          NOT NULL,
    PRIMARY KEY (translation_id, source_index),
    CONSTRAINT fk_source_translation FOREIGN KEY (translation_id) REFERENCES article_translations (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Revisions keep the review date and the sources as they were (one source a line, see ArticleSource), written once.
ALTER TABLE article_revisions
    ADD COLUMN reviewed DATE       NULL,
    ADD COLUMN sources  MEDIUMTEXT NULL;
