CREATE TABLE `file_texts` (
	`seq` integer PRIMARY KEY NOT NULL,
	`sha256` text NOT NULL,
	`status` text NOT NULL,
	`pages` integer,
	`pages_with_text` integer,
	`text` text DEFAULT '' NOT NULL,
	`search_text` text GENERATED ALWAYS AS (replace(replace(text, 'đ', 'd'), 'Đ', 'D')) VIRTUAL,
	`extracted_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `file_texts_sha` ON `file_texts` (`sha256`);--> statement-breakpoint
-- Full-text index over the text layer of attached files (external content; rowid = file_texts.seq),
-- folded like documents_fts.
CREATE VIRTUAL TABLE `file_texts_fts` USING fts5(
	search_text,
	content='file_texts',
	content_rowid='seq',
	tokenize="unicode61 remove_diacritics 2"
);
--> statement-breakpoint
CREATE TRIGGER `file_texts_fts_ai` AFTER INSERT ON `file_texts` BEGIN
	INSERT INTO file_texts_fts(rowid, search_text) VALUES (new.seq, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `file_texts_fts_ad` AFTER DELETE ON `file_texts` BEGIN
	INSERT INTO file_texts_fts(file_texts_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
END;
