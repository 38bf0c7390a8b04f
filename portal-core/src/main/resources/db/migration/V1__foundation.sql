-- Every table is utf8mb4 with an explicit collation: the server default may be latin1.
-- Times are DATETIME(6) holding UTC; Europe/Chisinau is applied when shown.

CREATE TABLE categories (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    category_key  VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name_ro       VARCHAR(200) NOT NULL,
    name_ru       VARCHAR(200) NOT NULL,
    position      INT          NOT NULL DEFAULT 0,
    version       INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_categories_key UNIQUE (category_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE articles (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    article_key  VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    category_id  BIGINT      NULL,
    created_at   DATETIME(6) NOT NULL,
    updated_at   DATETIME(6) NOT NULL,
    version      INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_articles_key UNIQUE (article_key),
    CONSTRAINT fk_articles_category FOREIGN KEY (category_id) REFERENCES categories (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE article_translations (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    article_id     BIGINT        NOT NULL,
    lang           CHAR(2)       CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    slug           VARCHAR(200)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    title          VARCHAR(300)  NOT NULL,
    summary        VARCHAR(1000) NULL,
    body_markdown  MEDIUMTEXT    NOT NULL,
    body_html      MEDIUMTEXT    NOT NULL,
    reading_minutes INT          NOT NULL DEFAULT 1,
    status         VARCHAR(20)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    published_at   DATETIME(6)   NULL,
    review_by      DATE          NULL,
    created_at     DATETIME(6)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    version        INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_translation_slug UNIQUE (lang, slug),
    CONSTRAINT uk_translation_article_lang UNIQUE (article_id, lang),
    CONSTRAINT fk_translation_article FOREIGN KEY (article_id) REFERENCES articles (id) ON DELETE CASCADE,
    INDEX ix_translation_listing (lang, status, published_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE article_translation_tags (
    translation_id BIGINT      NOT NULL,
    tag            VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (translation_id, tag),
    CONSTRAINT fk_tag_translation FOREIGN KEY (translation_id) REFERENCES article_translations (id) ON DELETE CASCADE,
    INDEX ix_tag (tag)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE users (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    email          VARCHAR(254) NOT NULL,
    display_name   VARCHAR(200) NOT NULL,
    password_hash  VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    role           VARCHAR(20)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     DATETIME(6)  NOT NULL,
    version        INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_users_email UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
