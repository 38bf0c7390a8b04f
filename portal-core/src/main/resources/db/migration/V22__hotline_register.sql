-- The hotline register: one row per call, chat or consultation a counsellor handled, in the annual factsheet's
-- categories only. Nothing here identifies a person: no name, phone number, address or free text, by design.
-- topic is a consultation topic code (job-offer, ...) for chats and consultations, never text.
-- exploitation holds the forms as their codes joined by ';' in a fixed order (labour;sexual;criminal;other).

CREATE TABLE register_entries (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    entry_date      DATE         NOT NULL,
    channel         VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    kind            VARCHAR(20)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    referral_id     BIGINT       NULL,
    case_type       VARCHAR(20)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    persons         INT          NOT NULL DEFAULT 0,
    citizenship     CHAR(2)      CHARACTER SET ascii COLLATE ascii_bin NULL,
    country         CHAR(2)      CHARACTER SET ascii COLLATE ascii_bin NULL,
    exploitation    VARCHAR(40)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    topic           VARCHAR(20)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    author_user_id  BIGINT       NULL,
    created_at      DATETIME(6)  NOT NULL,
    version         INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_register_referral FOREIGN KEY (referral_id) REFERENCES consultation_referrals (id),
    CONSTRAINT fk_register_author FOREIGN KEY (author_user_id) REFERENCES users (id) ON DELETE SET NULL,
    INDEX ix_register_date (entry_date),
    INDEX ix_register_author (author_user_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
