ALTER TABLE `register_books` ADD `unit_id` text;--> statement-breakpoint
ALTER TABLE `units` ADD `successor_id` text;--> statement-breakpoint
ALTER TABLE `units` ADD `ended_on` text;--> statement-breakpoint
ALTER TABLE `units` ADD `reform` text;--> statement-breakpoint
ALTER TABLE `units` ADD `organ_id` text;--> statement-breakpoint
ALTER TABLE `catalogue_entries` ADD `unit_id` text;--> statement-breakpoint
ALTER TABLE `catalogue_headings` ADD `unit_id` text;--> statement-breakpoint
ALTER TABLE `dossiers` ADD `unit_id` text;