CREATE TABLE `document_links` (
	`id` text PRIMARY KEY NOT NULL,
	`from_id` text NOT NULL,
	`to_id` text NOT NULL,
	`kind` text NOT NULL,
	`hlc` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `document_links_from` ON `document_links` (`from_id`);--> statement-breakpoint
CREATE INDEX `document_links_to` ON `document_links` (`to_id`);--> statement-breakpoint
ALTER TABLE `documents` ADD `signer_name` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `signer_position` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `signer_prefix` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `recipients_text` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `kept_copies` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `copies` integer;--> statement-breakpoint
ALTER TABLE `documents` ADD `drafting_department_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `documents_outgoing_code` ON `documents` (`year`,`code_key`) WHERE kind = 'outgoing';--> statement-breakpoint
ALTER TABLE `register_books` ADD `series` text DEFAULT 'general' NOT NULL;--> statement-breakpoint
ALTER TABLE `register_books` ADD `printed_at` text;