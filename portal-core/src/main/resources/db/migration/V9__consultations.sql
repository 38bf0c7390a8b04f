-- Online consultations. The question, replies, notes and contact details are stored encrypted (AES-GCM, see
-- ConsultationCipher: format byte, key id, 12-byte IV, ciphertext and tag) and deleted with the consultation a
-- configurable number of days after it was closed; consultation_counts keeps only monthly numbers for the report.
-- No client address is ever stored.

CREATE TABLE consultation_referrals (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    name_ro     VARCHAR(200) NOT NULL,
    name_ru     VARCHAR(200) NOT NULL,
    retired     BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at  DATETIME(6)  NOT NULL,
    version     INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE consultations (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    ticket           CHAR(10)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    phrase_hash      VARCHAR(200)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    lang             CHAR(2)       CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    topic            VARCHAR(20)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    sos              BOOLEAN       NOT NULL,
    channel          VARCHAR(10)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    status           VARCHAR(10)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    question         VARBINARY(40000) NOT NULL,
    contact          VARBINARY(1000)  NULL,
    assigned_user_id BIGINT        NULL,
    referral_id      BIGINT        NULL,
    created_at       DATETIME(6)   NOT NULL,
    closed_at        DATETIME(6)   NULL,
    version          INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uq_consultation_ticket (ticket),
    CONSTRAINT fk_consultation_assignee FOREIGN KEY (assigned_user_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT fk_consultation_referral FOREIGN KEY (referral_id) REFERENCES consultation_referrals (id),
    INDEX ix_consultation_queue (status, sos, created_at),
    INDEX ix_consultation_closed (closed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Replies (shown to the person) and internal notes (staff only), in the order written.
CREATE TABLE consultation_messages (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    consultation_id  BIGINT        NOT NULL,
    kind             VARCHAR(10)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    author_user_id   BIGINT        NULL,
    author_name      VARCHAR(200)  NULL,
    body             VARBINARY(40000) NOT NULL,
    delivery         VARCHAR(20)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    delivery_error   VARCHAR(300)  NULL,
    created_at       DATETIME(6)   NOT NULL,
    version          INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_message_consultation FOREIGN KEY (consultation_id) REFERENCES consultations (id) ON DELETE CASCADE,
    CONSTRAINT fk_message_author FOREIGN KEY (author_user_id) REFERENCES users (id) ON DELETE SET NULL,
    INDEX ix_message_consultation (consultation_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What outlives the consultations: how many were asked in a month, by topic, SOS and referral (0 = none).
CREATE TABLE consultation_counts (
    month_start    DATE        NOT NULL,
    topic          VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    sos            BOOLEAN     NOT NULL,
    referral_id    BIGINT      NOT NULL DEFAULT 0,
    consultations  INT         NOT NULL,
    PRIMARY KEY (month_start, topic, sos, referral_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
