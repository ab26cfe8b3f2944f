-- The documents' full-text index is kept by the write path (db/documentsFts.ts), no longer by
-- triggers: a statement that fires a trigger runs in a savepoint, and FTS5 flushes its pending
-- terms to a new segment at every savepoint — one segment per registration, merged again and
-- again; at a million documents a registration took tens of milliseconds that way.
DROP TRIGGER IF EXISTS `documents_fts_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `documents_fts_au`;
