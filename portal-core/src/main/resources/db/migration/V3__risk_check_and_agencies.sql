-- The job-offer check's anonymous monthly counts and the registry of licensed private employment agencies.
-- (V2 is reserved for another change.) Every table is utf8mb4 with an explicit collation, like V1.

-- How many checks ended in each tier, per calendar month (Europe/Chisinau). Nothing else about a check is kept:
-- no answers, no agency or country typed, no time finer than the month, no address.
CREATE TABLE risk_check_tier_counts (
    month_start  DATE        NOT NULL,
    tier         VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    checks       INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (month_start, tier)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- How often each red flag (A1…E6) was raised, per calendar month.
CREATE TABLE risk_check_flag_counts (
    month_start  DATE       NOT NULL,
    rule         VARCHAR(4) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    raised       INT        NOT NULL DEFAULT 0,
    PRIMARY KEY (month_start, rule)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The official list of licensed private employment agencies, as last imported by an editor.
-- countries holds ISO 3166 alpha-2 codes separated by commas; partners one foreign partner per line.
CREATE TABLE agencies (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    idno              CHAR(13)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name              VARCHAR(300)  NOT NULL,
    search_name       VARCHAR(300)  NOT NULL,
    licence_number    VARCHAR(100)  NOT NULL,
    valid_until       DATE          NOT NULL,
    countries         VARCHAR(1000) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    partners          TEXT          NOT NULL,
    last_verified_at  DATETIME(6)   NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    version           INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_agencies_idno UNIQUE (idno),
    INDEX ix_agencies_search_name (search_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
