CREATE TABLE `access_log` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`document_id` text,
	`attachment_id` text,
	`dossier_id` text,
	`action` text NOT NULL,
	`day` text NOT NULL,
	`device_id` text NOT NULL,
	`pc_name` text NOT NULL,
	`count` integer NOT NULL,
	`first_at` text NOT NULL,
	`last_at` text NOT NULL,
	`hlc` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `access_log_document` ON `access_log` (`document_id`);--> statement-breakpoint
CREATE INDEX `access_log_dossier` ON `access_log` (`dossier_id`);--> statement-breakpoint
CREATE INDEX `access_log_day` ON `access_log` (`day`);