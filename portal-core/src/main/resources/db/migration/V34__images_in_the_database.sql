-- Uploaded images move from the receiving node's PORTAL_DATA_DIR/uploads into the database's file store (V29), so
-- that every node of a cluster serves them and a backup of the database holds them: each image row names its two
-- JPEG copies. Rows of images uploaded before keep NULL until the node holding their files moves them at its start
-- (ImageService.moveFormerFiles); a row whose files no node has stays NULL and is not served.
ALTER TABLE media_images
    ADD COLUMN large_file BIGINT NULL,
    ADD COLUMN small_file BIGINT NULL,
    ADD CONSTRAINT fk_media_images_large_file FOREIGN KEY (large_file) REFERENCES stored_files (id),
    ADD CONSTRAINT fk_media_images_small_file FOREIGN KEY (small_file) REFERENCES stored_files (id);
