-- Files kept in the database, so that every node of a cluster serves the same bytes and a backup of the database
-- holds them: a header row per file, and its content in numbered chunks of at most 512 KiB (a row stays far under
-- max_allowed_packet, and a Galera write set under its limits). Files never change: a replacement is a new file.
-- utf8mb4 with an explicit collation, like V1: the server default may be latin1.

CREATE TABLE stored_files (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    sha256      CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    media_type  VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    chunk_count INT          NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE stored_file_chunks (
    file_id BIGINT     NOT NULL,
    seq     INT        NOT NULL,
    data    MEDIUMBLOB NOT NULL,
    PRIMARY KEY (file_id, seq),
    CONSTRAINT fk_stored_file_chunks_file FOREIGN KEY (file_id) REFERENCES stored_files (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
