CREATE TABLE `outgoing_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`type_code` text NOT NULL,
	`department_id` text,
	`summary` text NOT NULL,
	`confidentiality` text DEFAULT 'thuong' NOT NULL,
	`urgency` text DEFAULT 'thuong' NOT NULL,
	`status` text DEFAULT 'du_thao' NOT NULL,
	`leader_id` text,
	`note` text,
	`signed_by` text,
	`signed_at` text,
	`document_id` text,
	`created_by` text,
	`hlc` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `outgoing_drafts_status` ON `outgoing_drafts` (`status`);