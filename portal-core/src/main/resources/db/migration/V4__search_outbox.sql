-- Changes to searchable items, written in the same transaction as the change itself. Every portal node follows
-- this table and records in its own index commit how far it got, so index and database cannot drift apart.
CREATE TABLE search_outbox (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    doc_type    VARCHAR(20)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    doc_key     VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_outbox_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
