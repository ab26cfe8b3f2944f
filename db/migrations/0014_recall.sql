ALTER TABLE `documents` ADD `recalled_at` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `recall_reason` text;