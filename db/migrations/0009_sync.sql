CREATE TABLE `sync_clocks` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`clocks` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_clocks_row` ON `sync_clocks` (`table_name`,`row_id`);--> statement-breakpoint
CREATE TABLE `sync_conflicts` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`field` text NOT NULL,
	`lost_value` text,
	`lost_hlc` text NOT NULL,
	`kept_value` text,
	`kept_hlc` text NOT NULL,
	`resolved_at` text
);
--> statement-breakpoint
CREATE INDEX `sync_conflicts_open` ON `sync_conflicts` (`resolved_at`,`seq`);--> statement-breakpoint
CREATE TABLE `sync_files` (
	`sha256` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
DROP INDEX `agencies_name_key`;--> statement-breakpoint
CREATE INDEX `agencies_name_key` ON `agencies` (`name_key`);--> statement-breakpoint
DROP INDEX `doc_types_code`;--> statement-breakpoint
CREATE INDEX `doc_types_code` ON `doc_types` (`code`);--> statement-breakpoint
DROP INDEX `documents_book_year_number`;--> statement-breakpoint
DROP INDEX `documents_outgoing_code`;--> statement-breakpoint
CREATE INDEX `documents_book_year_number` ON `documents` (`book_id`,`year`,`number`);--> statement-breakpoint
CREATE INDEX `documents_outgoing_code` ON `documents` (`year`,`code_key`) WHERE kind = 'outgoing';--> statement-breakpoint
DROP INDEX `dossiers_full_code`;--> statement-breakpoint
CREATE INDEX `dossiers_full_code` ON `dossiers` (`full_code`);--> statement-breakpoint
DROP INDEX `users_username`;--> statement-breakpoint
CREATE INDEX `users_username` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `outbox_row` ON `outbox` (`table_name`,`row_id`);