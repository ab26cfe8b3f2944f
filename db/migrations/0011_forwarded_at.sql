ALTER TABLE `documents` ADD `forwarded_at` text;--> statement-breakpoint
UPDATE `documents` SET `forwarded_at` = (SELECT min(e.`at`) FROM `document_events` e WHERE e.`document_id` = `documents`.`id` AND e.`action` IN ('submit', 'assign', 'issue'));
