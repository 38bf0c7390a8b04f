-- Pages are articles of another kind: undated, outside the feeds and listings, at /ro/{slug}; they share the
-- translations, revisions, workflow and audit of articles. The navigation is the editors' list of entries per
-- language and place. utf8mb4 with an explicit collation, like V1: the server default may be latin1.

ALTER TABLE articles
    ADD COLUMN kind VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT 'ARTICLE';

CREATE TABLE navigation_entries (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    lang         CHAR(2)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    place        VARCHAR(10)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    position     INT          NOT NULL,
    target_kind  VARCHAR(10)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    target       VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    label        VARCHAR(100) NULL,
    PRIMARY KEY (id),
    INDEX ix_navigation_place (lang, place, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The fixed sections every public page links to; the bundled pages add themselves (menu: in their front matter)
-- when they are first imported. Labels are null: the portal names fixed sections in the page's language.
INSERT INTO navigation_entries (lang, place, position, target_kind, target, label) VALUES
    ('ro', 'MAIN', 10, 'FIXED', 'topics', NULL),
    ('ro', 'MAIN', 20, 'FIXED', 'risk-check', NULL),
    ('ro', 'MAIN', 30, 'FIXED', 'consultation', NULL),
    ('ro', 'MAIN', 50, 'FIXED', 'events', NULL),
    ('ro', 'FOOTER', 10, 'FIXED', 'agencies', NULL),
    ('ro', 'FOOTER', 50, 'FIXED', 'report', NULL),
    ('ru', 'MAIN', 10, 'FIXED', 'topics', NULL),
    ('ru', 'MAIN', 20, 'FIXED', 'risk-check', NULL),
    ('ru', 'MAIN', 30, 'FIXED', 'consultation', NULL),
    ('ru', 'MAIN', 50, 'FIXED', 'events', NULL),
    ('ru', 'FOOTER', 10, 'FIXED', 'agencies', NULL),
    ('ru', 'FOOTER', 50, 'FIXED', 'report', NULL);
