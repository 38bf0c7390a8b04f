-- Back-office sessions shared by every portal node, so that a node lost does not sign a counsellor out. A row is
-- named by an HMAC-SHA256 of the session id under a secret derived from the consultation key (a dump of the database
-- gives no cookie to replay) and holds only who signed in and how far (ids, no page, nothing a page showed), sealed
-- with AES-GCM under another derived secret. A row is deleted when its session ends or expires.
CREATE TABLE staff_sessions (
    id_hash    BINARY(32)     NOT NULL,
    expires_at BIGINT         NOT NULL,
    sealed     VARBINARY(4096) NOT NULL,
    PRIMARY KEY (id_hash),
    KEY staff_sessions_expiry (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
