-- Prefix indexes for what is typed while searching ("boi d", "ke h", "toan thanh pho"): without
-- them FTS5 merges the doclists of every word that starts so — 100-200 ms at a million
-- documents; with them, one lookup. The index is rebuilt from documents once (about half a
-- minute at a million).
DROP TABLE IF EXISTS `documents_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `documents_fts` USING fts5(
	search_text,
	content='documents',
	content_rowid='seq',
	tokenize="unicode61 remove_diacritics 2",
	prefix='1 2 3'
);
--> statement-breakpoint
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
--> statement-breakpoint
DROP TABLE IF EXISTS `file_texts_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `file_texts_fts` USING fts5(
	search_text,
	content='file_texts',
	content_rowid='seq',
	tokenize="unicode61 remove_diacritics 2",
	prefix='1 2 3'
);
--> statement-breakpoint
INSERT INTO file_texts_fts(file_texts_fts) VALUES ('rebuild');
