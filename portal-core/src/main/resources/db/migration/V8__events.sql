-- Events that trainers list: school information sessions, exhibitions, campaigns, trainings, media appearances,
-- community events. Both languages in one row; times are instants (UTC), shown in Europe/Chisinau.
-- district is a key of the fixed list in code (md.migratiesigura.portal.event.District).

CREATE TABLE events (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    event_key           VARCHAR(100)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    event_type          VARCHAR(20)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    status              VARCHAR(20)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    starts_at           DATETIME(6)   NOT NULL,
    ends_at             DATETIME(6)   NOT NULL,
    district            VARCHAR(40)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    locality            VARCHAR(200)  NOT NULL,
    venue               VARCHAR(300)  NULL,
    audiences           VARCHAR(200)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    partners            VARCHAR(1000) NULL,
    participants        INT           NULL,
    materials           INT           NULL,
    photos              VARCHAR(400)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    title_ro            VARCHAR(300)  NOT NULL,
    title_ru            VARCHAR(300)  NOT NULL,
    description_ro      MEDIUMTEXT    NOT NULL,
    description_ru      MEDIUMTEXT    NOT NULL,
    description_html_ro MEDIUMTEXT    NOT NULL,
    description_html_ru MEDIUMTEXT    NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    updated_by_email    VARCHAR(254)  NULL,
    version             INT           NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_event_key UNIQUE (event_key),
    INDEX ix_event_start (starts_at),
    INDEX ix_event_type_start (event_type, starts_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
