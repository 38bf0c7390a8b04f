-- The live chat now exists: its entry in each language's main menu, between the consultation (30) and the events (50).
-- An editor may move or remove it like any other entry.
INSERT INTO navigation_entries (lang, place, position, target_kind, target, label) VALUES
    ('ro', 'MAIN', 40, 'FIXED', 'chat', NULL),
    ('ru', 'MAIN', 40, 'FIXED', 'chat', NULL);
