-- How many searches were made each month, for the annual report. Nothing of what was typed is kept.
CREATE TABLE search_counts (
    month     CHAR(7) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    searches  BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
