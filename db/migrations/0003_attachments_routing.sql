CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`name` text NOT NULL,
	`mime` text NOT NULL,
	`kind` text NOT NULL,
	`size` integer NOT NULL,
	`pages` integer,
	`sha256` text NOT NULL,
	`role` text DEFAULT 'original' NOT NULL,
	`parent_id` text,
	`signed` integer DEFAULT false NOT NULL,
	`created_by` text,
	`hlc` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `attachments_document` ON `attachments` (`document_id`);--> statement-breakpoint
CREATE INDEX `attachments_sha` ON `attachments` (`sha256`);--> statement-breakpoint
CREATE TABLE `document_events` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`action` text NOT NULL,
	`data` text NOT NULL,
	`hlc` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `document_events_document` ON `document_events` (`document_id`,`at`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`role` text NOT NULL,
	`user_id` text,
	`department_id` text,
	`deadline` text,
	`status` text DEFAULT 'moi' NOT NULL,
	`progress` text,
	`result` text,
	`reply_code` text,
	`assigned_by` text,
	`completed_at` text,
	`hlc` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `tasks_document` ON `tasks` (`document_id`);--> statement-breakpoint
CREATE INDEX `tasks_user` ON `tasks` (`user_id`,`status`);--> statement-breakpoint
CREATE INDEX `tasks_department` ON `tasks` (`department_id`,`status`);--> statement-breakpoint
ALTER TABLE `documents` ADD `status` text DEFAULT 'moi' NOT NULL;--> statement-breakpoint
ALTER TABLE `documents` ADD `leader_id` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `direction` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `reply_code` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `completed_at` text;--> statement-breakpoint
CREATE INDEX `documents_status` ON `documents` (`kind`,`status`);