-- Information materials: leaflets and posters with a file per language, kept in the blob store (V29) with a
-- generated thumbnail, counted per month and file without anything about the reader. utf8mb4 with an explicit
-- collation, like V1: the server default may be latin1.

CREATE TABLE materials (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    material_key   VARCHAR(120)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    topic          VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    audience       VARCHAR(20)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    title_ro       VARCHAR(200)  NOT NULL,
    title_ru       VARCHAR(200)  NOT NULL,
    description_ro VARCHAR(1000) NOT NULL,
    description_ru VARCHAR(1000) NOT NULL,
    retired        BOOLEAN       NOT NULL DEFAULT FALSE,
    -- The hash of what a bundled material was generated from; null once an editor changed its files.
    source_sha256  CHAR(64)      CHARACTER SET ascii COLLATE ascii_bin NULL,
    created_at     DATETIME(6)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_materials_key UNIQUE (material_key),
    INDEX ix_materials_topic (topic, audience)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE material_files (
    material_id  BIGINT       NOT NULL,
    lang         CHAR(2)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    kind         VARCHAR(10)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    file_id      BIGINT       NOT NULL,
    thumbnail_id BIGINT       NOT NULL,
    PRIMARY KEY (material_id, lang),
    CONSTRAINT fk_material_files_material FOREIGN KEY (material_id) REFERENCES materials (id),
    CONSTRAINT fk_material_files_file FOREIGN KEY (file_id) REFERENCES stored_files (id),
    CONSTRAINT fk_material_files_thumbnail FOREIGN KEY (thumbnail_id) REFERENCES stored_files (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Downloads per month and file (a material's language): counts only, no address, no time finer than the month.
CREATE TABLE material_downloads (
    year        SMALLINT NOT NULL,
    month       TINYINT  NOT NULL,
    material_id BIGINT   NOT NULL,
    lang        CHAR(2)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    downloads   BIGINT   NOT NULL,
    PRIMARY KEY (year, month, material_id, lang)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The library in each language's main menu, after the events (50); an editor may move or remove it.
INSERT INTO navigation_entries (lang, place, position, target_kind, target, label) VALUES
    ('ro', 'MAIN', 60, 'FIXED', 'materials', NULL),
    ('ru', 'MAIN', 60, 'FIXED', 'materials', NULL);
