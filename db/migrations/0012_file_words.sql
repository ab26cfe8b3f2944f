CREATE TABLE `file_words` (
	`sha256` text NOT NULL,
	`page` integer NOT NULL,
	`words` text NOT NULL,
	PRIMARY KEY(`sha256`, `page`)
);
