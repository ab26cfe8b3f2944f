// The text layer of attached files, kept by sha256 for search. Extraction happens outside the
// database (electron/text); here is what is waiting, what was found, and each file's mark.
import { stmt } from '../core/statements.js';
import type { Store } from '../core/store.js';
import { writeDerived } from '../core/write.js';

export const FILE_TEXT_STATUSES = ['text', 'no_text', 'encrypted', 'failed', 'too_large'] as const;
export type FileTextStatus = (typeof FILE_TEXT_STATUSES)[number];

/** Kept per file: enough for any register's search, bounded for a 2,000-page annex. */
export const MAX_FILE_TEXT = 500_000;

export interface FileText {
  status: FileTextStatus;
  pages: number | null;
  pagesWithText: number | null;
  text: string;
}

/** Originals (not stamped copies, which carry the same text) whose text has not been read yet. */
export function pendingFileTexts(store: Store, limit = 20): string[] {
  const rows = stmt(
    store.sqlite,
    `SELECT DISTINCT a.sha256 FROM attachments a LEFT JOIN file_texts f ON f.sha256 = a.sha256
     WHERE a.kind = 'pdf' AND a.role = 'original' AND a.deleted_at IS NULL AND f.seq IS NULL LIMIT ?`,
  ).all(limit) as { sha256: string }[];
  return rows.map((r) => r.sha256);
}

export function saveFileText(store: Store, sha256: string, t: FileText): void {
  writeDerived(store, () => {
    stmt(store.sqlite, 'DELETE FROM file_texts WHERE sha256 = ?').run(sha256);
    stmt(store.sqlite, 'INSERT INTO file_texts (sha256, status, pages, pages_with_text, text, extracted_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      sha256,
      t.status,
      t.pages,
      t.pagesWithText,
      t.text.normalize('NFC').slice(0, MAX_FILE_TEXT),
      store.now().toISOString(),
    );
  });
}

/** The mark of each file: its status, or 'pending' while it waits. */
export function fileTextStatus(store: Store, sha256: string): FileTextStatus | 'pending' {
  const row = stmt(store.sqlite, 'SELECT status FROM file_texts WHERE sha256 = ?').get(sha256) as { status: FileTextStatus } | undefined;
  return row?.status ?? 'pending';
}
