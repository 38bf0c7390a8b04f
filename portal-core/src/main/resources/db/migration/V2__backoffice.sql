-- The back office's audit log: who did what, when, to what. Never a client address.
-- actor_email is kept beside the id so a row still reads well if the account is later renamed.

CREATE TABLE audit_log (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at    DATETIME(6)  NOT NULL,
    actor_user_id  BIGINT       NULL,
    actor_email    VARCHAR(254) NULL,
    action         VARCHAR(40)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    target         VARCHAR(300) NULL,
    detail         VARCHAR(500) NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_audit_actor FOREIGN KEY (actor_user_id) REFERENCES users (id) ON DELETE SET NULL,
    INDEX ix_audit_newest (occurred_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
