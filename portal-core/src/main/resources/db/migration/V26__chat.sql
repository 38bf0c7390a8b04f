-- The live chat (docs/chat.md). Messages are sealed with the consultations' key (AES-GCM, the chat's id and the
-- message's sequence number bound in as associated data) and deleted with their chat after the consultations'
-- retention; chat_counts and chat_waits keep only monthly numbers. No address, user agent or token is stored: the
-- reader's token only as its SHA-256, the address only as a keyed hash while the chat lasts (to block it) and in
-- chat_blocks for 24 hours.

CREATE TABLE chats (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    token_hash       BINARY(32)   NOT NULL,
    lang             CHAR(2)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    sos              BOOLEAN      NOT NULL,
    state            VARCHAR(10)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    requeued         BOOLEAN      NOT NULL DEFAULT FALSE,
    counsellor_id    BIGINT       NULL,
    address_hash     BINARY(32)   NULL,
    last_seq         INT          NOT NULL DEFAULT 0,
    reader_seen_at   DATETIME(6)  NOT NULL,
    reader_typing_at DATETIME(6)  NULL,
    counsellor_typing_at DATETIME(6) NULL,
    topic            VARCHAR(40)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    transfer_note    VARBINARY(2100) NULL,
    created_at       DATETIME(6)  NOT NULL,
    queued_at        DATETIME(6)  NOT NULL,
    accepted_at      DATETIME(6)  NULL,
    ended_at         DATETIME(6)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_chat_token (token_hash),
    CONSTRAINT fk_chat_counsellor FOREIGN KEY (counsellor_id) REFERENCES users (id) ON DELETE SET NULL,
    INDEX ix_chat_queue (state, sos, requeued, queued_at),
    INDEX ix_chat_ended (ended_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per message, numbered per chat; the same client id from the same side is stored once.
CREATE TABLE chat_messages (
    chat_id     BIGINT      NOT NULL,
    seq         INT         NOT NULL,
    sender      VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    client_id   VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    body        VARBINARY(9000) NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (chat_id, seq),
    UNIQUE KEY uq_chat_client (chat_id, sender, client_id),
    CONSTRAINT fk_chat_message_chat FOREIGN KEY (chat_id) REFERENCES chats (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who is taking chats: a counsellor is available while the console keeps calling in.
CREATE TABLE chat_counsellors (
    user_id     BIGINT      NOT NULL,
    available   BOOLEAN     NOT NULL,
    seen_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT fk_chat_counsellor_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Addresses a counsellor blocked, as keyed hashes, for 24 hours.
CREATE TABLE chat_blocks (
    address_hash BINARY(32)  NOT NULL,
    until        DATETIME(6) NOT NULL,
    PRIMARY KEY (address_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Answers counsellors paste, kept by administrators.
CREATE TABLE chat_canned (
    id      BIGINT        NOT NULL AUTO_INCREMENT,
    lang    CHAR(2)       CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    text    VARCHAR(2000) NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What outlives the chats: per month and language, how many were offered, answered, abandoned, turned away, SOS.
CREATE TABLE chat_counts (
    month_start DATE        NOT NULL,
    lang        CHAR(2)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    metric      VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    n           INT         NOT NULL,
    PRIMARY KEY (month_start, lang, metric)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Waits before a counsellor accepted, in whole minutes (capped at 240), for the monthly median and 90th percentile.
CREATE TABLE chat_waits (
    month_start  DATE    NOT NULL,
    lang         CHAR(2) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    wait_minutes INT     NOT NULL,
    n            INT     NOT NULL,
    PRIMARY KEY (month_start, lang, wait_minutes)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
