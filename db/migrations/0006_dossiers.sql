CREATE TABLE `catalogue_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`heading_id` text NOT NULL,
	`number` integer NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`retention` text NOT NULL,
	`keeper_id` text,
	`notes` text,
	`hlc` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `catalogue_entries_year` ON `catalogue_entries` (`year`,`number`);--> statement-breakpoint
CREATE TABLE `catalogue_headings` (
	`id` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`level` integer NOT NULL,
	`parent_id` text,
	`title` text NOT NULL,
	`abbreviation` text,
	`sort` integer DEFAULT 0 NOT NULL,
	`hlc` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `catalogue_headings_year` ON `catalogue_headings` (`year`,`sort`);--> statement-breakpoint
CREATE TABLE `dossier_items` (
	`id` text PRIMARY KEY NOT NULL,
	`dossier_id` text NOT NULL,
	`document_id` text,
	`attachment_id` text,
	`code` text,
	`item_date` text,
	`author` text,
	`summary` text,
	`pages` integer,
	`position` integer NOT NULL,
	`primary_filing` integer DEFAULT true NOT NULL,
	`notes` text,
	`hlc` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `dossier_items_dossier` ON `dossier_items` (`dossier_id`,`position`);--> statement-breakpoint
CREATE INDEX `dossier_items_document` ON `dossier_items` (`document_id`);--> statement-breakpoint
CREATE TABLE `dossiers` (
	`id` text PRIMARY KEY NOT NULL,
	`entry_id` text,
	`year` integer NOT NULL,
	`notation` text NOT NULL,
	`full_code` text NOT NULL,
	`title` text NOT NULL,
	`retention` text NOT NULL,
	`access_regime` text DEFAULT 'Hạn chế' NOT NULL,
	`keeper_id` text,
	`language` text DEFAULT 'Tiếng Việt' NOT NULL,
	`description` text,
	`status` text DEFAULT 'mo' NOT NULL,
	`closed_at` text,
	`handed_over_at` text,
	`reopen_reason` text,
	`pages_override` integer,
	`hlc` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `dossiers_year_status` ON `dossiers` (`year`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `dossiers_full_code` ON `dossiers` (`full_code`);