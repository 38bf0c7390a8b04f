-- Throttle counts shared by every portal node (login tries, consultation limits): one row per throttle key, named by
-- an HMAC of the key (the address, ticket or account with the address) under a secret kept here, so that no address
-- is stored; a row is forgotten once expired.
CREATE TABLE throttle_secret (
    id         TINYINT      NOT NULL,
    secret     BINARY(32)   NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE throttle_counts (
    key_hash   BINARY(32)   NOT NULL,
    state      VARCHAR(1000) NOT NULL,
    expires_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (key_hash),
    KEY throttle_counts_expiry (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
