-- The editorial back office: who last wrote each language version, its cover image, when its text last changed
-- (for the translation matrix), late publication, immutable revisions and uploaded images.
-- Every new table is utf8mb4 with an explicit collation, like V1: the server default may be latin1.

CREATE TABLE media_images (
    id                CHAR(32)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    width             INT          NOT NULL,
    height            INT          NOT NULL,
    small_width       INT          NOT NULL,
    small_height      INT          NOT NULL,
    uploaded_by_email VARCHAR(254) NULL,
    created_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE article_translations
    ADD COLUMN cover_image        CHAR(32)     CHARACTER SET ascii COLLATE ascii_bin NULL,
    ADD COLUMN cover_alt          VARCHAR(300) NULL,
    ADD COLUMN author_email       VARCHAR(254) NULL,
    ADD COLUMN content_changed_at DATETIME(6)  NULL,
    ADD COLUMN based_on_other_at  DATETIME(6)  NULL,
    ADD COLUMN published_late     BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD CONSTRAINT fk_translation_cover FOREIGN KEY (cover_image) REFERENCES media_images (id);

-- Imported text changed when it was imported.
UPDATE article_translations SET content_changed_at = updated_at;
ALTER TABLE article_translations MODIFY content_changed_at DATETIME(6) NOT NULL;

-- One row per save or workflow step of a language version; rows are written once and never changed.
CREATE TABLE article_revisions (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    article_id       BIGINT        NOT NULL,
    lang             CHAR(2)       CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    number           INT           NOT NULL,
    action           VARCHAR(40)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    title            VARCHAR(300)  NOT NULL,
    slug             VARCHAR(200)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    summary          VARCHAR(1000) NULL,
    category_key     VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NULL,
    tags             VARCHAR(2000) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    body_markdown    MEDIUMTEXT    NOT NULL,
    status           VARCHAR(20)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    publish_at       DATETIME(6)   NULL,
    review_by        DATE          NULL,
    cover_image      CHAR(32)      CHARACTER SET ascii COLLATE ascii_bin NULL,
    cover_alt        VARCHAR(300)  NULL,
    author_email     VARCHAR(254)  NULL,
    saved_at         DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_revision_number UNIQUE (article_id, lang, number),
    CONSTRAINT fk_revision_article FOREIGN KEY (article_id) REFERENCES articles (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
