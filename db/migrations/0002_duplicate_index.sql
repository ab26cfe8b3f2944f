DROP INDEX `documents_agency_code`;--> statement-breakpoint
CREATE INDEX `documents_duplicate` ON `documents` (`kind`,`code_key`,`agency_key`);
