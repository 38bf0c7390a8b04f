-- Visit counting (spec §6) and the annual report. No table here has a column for a client address or a user
-- agent: a visitor is only a SHA-256 of (monthly salt, address, user agent), and the salt and those hashes are
-- deleted once their month is closed, leaving counts alone. Months and days are Europe/Chisinau ones.

-- One random salt per month, shared by every node (INSERT IGNORE on first use), deleted when the month is closed.
CREATE TABLE visit_salts (
    year        SMALLINT     NOT NULL,
    month       TINYINT      NOT NULL,
    salt        BINARY(32)   NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (year, month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The visitors of open months, to tell a new visit (gap over 30 minutes) from the same one. Deleted at closing.
CREATE TABLE visit_visitors (
    year        SMALLINT     NOT NULL,
    month       TINYINT      NOT NULL,
    visitor     BINARY(32)   NOT NULL,
    last_seen   DATETIME(6)  NOT NULL,
    PRIMARY KEY (year, month, visitor)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Batches already applied: a batch retried after a lost commit acknowledgement is not counted twice.
CREATE TABLE visit_batches (
    id          CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    applied_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_visit_batches_applied (applied_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE visit_daily (
    day         DATE         NOT NULL,
    pageviews   INT          NOT NULL DEFAULT 0,
    visits      INT          NOT NULL DEFAULT 0,
    visitors    INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE visit_monthly (
    year        SMALLINT     NOT NULL,
    month       TINYINT      NOT NULL,
    pageviews   INT          NOT NULL DEFAULT 0,
    visits      INT          NOT NULL DEFAULT 0,
    visitors    INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (year, month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What an editor needs per month: pages, languages, devices (pageviews and visits started there) and how
-- visits arrived (referrer class and the other site's domain, visits only).
CREATE TABLE visit_breakdown (
    year        SMALLINT     NOT NULL,
    month       TINYINT      NOT NULL,
    dimension   VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    item        VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    pageviews   INT          NOT NULL DEFAULT 0,
    visits      INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (year, month, dimension, item)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Monthly figures entered by an administrator (historical years such as 2025); when present for a month they
-- replace the computed ones in the report.
CREATE TABLE report_entered_months (
    year             SMALLINT  NOT NULL,
    month            TINYINT   NOT NULL,
    visits           INT       NOT NULL,
    unique_visitors  INT       NOT NULL,
    pageviews        INT       NULL,
    PRIMARY KEY (year, month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What the portal cannot see, entered per year; public only once published.
CREATE TABLE report_years (
    year                    SMALLINT     NOT NULL,
    hotline_calls           INT          NULL,
    hotline_prevention      INT          NULL,
    hotline_sos             INT          NULL,
    hotline_referred        INT          NULL,
    hotline_moldova_israel  INT          NULL,
    sos_cases               INT          NULL,
    consultations_online    INT          NULL,
    consultations_sos       INT          NULL,
    social_media_posts      INT          NULL,
    media_appearances       INT          NULL,
    materials_handed_out    INT          NULL,
    information_sessions    INT          NULL,
    exhibitions             INT          NULL,
    published               BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at              DATETIME(6)  NOT NULL,
    PRIMARY KEY (year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A free-text summary per report section and language.
CREATE TABLE report_texts (
    year     SMALLINT     NOT NULL,
    section  VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    lang     CHAR(2)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    body     TEXT         NOT NULL,
    PRIMARY KEY (year, section, lang)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
