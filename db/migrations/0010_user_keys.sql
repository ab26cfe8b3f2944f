ALTER TABLE `outbox` ADD `signed_by` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `signature` text;--> statement-breakpoint
ALTER TABLE `users` ADD `public_key` text;--> statement-breakpoint
ALTER TABLE `users` ADD `sealed_key` text;