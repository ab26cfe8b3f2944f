-- Full-text index over documents.search_text (external content; rowid = documents.seq).
-- unicode61 with remove_diacritics 2 folds tones and multi-mark letters; search_text already
-- has đ/Đ as d/D. Queries are folded the same way in TypeScript and quoted token by token.
CREATE VIRTUAL TABLE `documents_fts` USING fts5(
	search_text,
	content='documents',
	content_rowid='seq',
	tokenize="unicode61 remove_diacritics 2"
);
--> statement-breakpoint
CREATE TRIGGER `documents_fts_ai` AFTER INSERT ON `documents` BEGIN
	INSERT INTO documents_fts(rowid, search_text) VALUES (new.seq, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `documents_fts_ad` AFTER DELETE ON `documents` BEGIN
	INSERT INTO documents_fts(documents_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `documents_fts_au` AFTER UPDATE OF code, agency_name, summary ON `documents` BEGIN
	INSERT INTO documents_fts(documents_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
	INSERT INTO documents_fts(rowid, search_text) VALUES (new.seq, new.search_text);
END;
--> statement-breakpoint
-- Documents written before this index existed are indexed now.
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
