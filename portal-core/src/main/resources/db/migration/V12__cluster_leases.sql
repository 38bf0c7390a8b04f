-- Leases for the jobs that must run once across all portal nodes (scheduled publishing, closing ended months,
-- cleaning the search outbox). A node holds a lease until expires_at, renewing it each time it runs the job; the
-- times are the database server's, so the nodes' clocks need not agree.
CREATE TABLE cluster_leases (
    name        VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    holder      VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
