CREATE TABLE `exchange_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`direction` text NOT NULL,
	`kind` text NOT NULL,
	`state` text NOT NULL,
	`transport` text NOT NULL,
	`edxml_id` text,
	`document_id` text,
	`peer_organ_id` text,
	`peer_name` text,
	`business` text,
	`status_code` text,
	`description` text,
	`error` text,
	`sha256` text,
	`file_name` text,
	`size` integer,
	`at` text NOT NULL,
	`sent_at` text,
	`metadata_only` integer DEFAULT false NOT NULL,
	`header` text,
	`attachments` text,
	`created_by` text,
	`hlc` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `exchange_messages_edxml` ON `exchange_messages` (`edxml_id`);--> statement-breakpoint
CREATE INDEX `exchange_messages_document` ON `exchange_messages` (`document_id`);--> statement-breakpoint
CREATE INDEX `exchange_messages_state` ON `exchange_messages` (`direction`,`state`);--> statement-breakpoint
ALTER TABLE `agencies` ADD `organ_id` text;--> statement-breakpoint
CREATE INDEX `agencies_organ_id` ON `agencies` (`organ_id`);