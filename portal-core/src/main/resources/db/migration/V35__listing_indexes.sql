-- Indexes for the questions asked of the translations at every start and on every uncached listing. Each of them used
-- to read the whole translation rows, bodies included (350 MB for 20,000 articles, more than MariaDB's default
-- buffer pool): after a start the first page waited about 8 s on that, and the start itself about 2 s
-- (deploy/bench/RESULTS.md, 2026-12-07).
--
-- Visible translations of a kind (the listings, the counts, the navigation's pages): with the article's id in the
-- listing index, the kind is found without reading the row.
ALTER TABLE article_translations
    DROP INDEX ix_translation_listing,
    ADD INDEX ix_translation_listing (lang, status, published_at, article_id),
    -- The content import's fingerprint (count, highest id, latest change and review per kind) reads this index only.
    ADD INDEX ix_translation_changes (article_id, updated_at, reviewed),
    -- The scheduled publisher's question every minute: which scheduled translations are due.
    ADD INDEX ix_translation_schedule (status, published_at);

-- Pages, a handful among thousands of articles, are found from their kind.
ALTER TABLE articles
    ADD INDEX ix_articles_kind (kind);
