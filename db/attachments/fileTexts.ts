// The text layer of attached files, kept by sha256 for search. Extraction happens outside the
// database (electron/text); here is what is waiting, what was found, and each file's mark.
import { stmt } from '../core/statements.js';
import type { Store } from '../core/store.js';
import { writeDerived } from '../core/write.js';

/**
 * text: a text layer; no_text: a scan (or a picture) waiting for OCR; ocr: read by OCR, every page;
 * ocr_empty: read, and no text in it (a photograph);
 * ocr_partial: some pages could not be read (or past the page limit); ocr_stopped: stopped by the
 * user (what was read so far is kept); encrypted, failed, too_large: not read.
 */
export const FILE_TEXT_STATUSES = [
  'text',
  'no_text',
  'ocr',
  'ocr_empty',
  'ocr_partial',
  'ocr_stopped',
  'encrypted',
  'failed',
  'too_large',
] as const;
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
export function pendingFileTexts(store: Store, limit = 20): { sha256: string; kind: 'pdf' | 'image' }[] {
  return stmt(
    store.sqlite,
    `SELECT a.sha256, min(a.kind) AS kind FROM attachments a LEFT JOIN file_texts f ON f.sha256 = a.sha256
     WHERE a.kind IN ('pdf', 'image') AND a.role = 'original' AND a.deleted_at IS NULL AND f.seq IS NULL
     GROUP BY a.sha256 LIMIT ?`,
  ).all(limit) as { sha256: string; kind: 'pdf' | 'image' }[];
}

/** The next scan to read by OCR: the oldest waiting, with its pages. */
export function nextForOcr(store: Store, skip: ReadonlySet<string>): { sha256: string; kind: 'pdf' | 'image'; pages: number } | null {
  const rows = stmt(
    store.sqlite,
    `SELECT f.sha256, min(a.kind) AS kind, f.pages FROM file_texts f JOIN attachments a ON a.sha256 = f.sha256
     WHERE f.status = 'no_text' AND a.role = 'original' AND a.deleted_at IS NULL AND a.kind IN ('pdf', 'image')
     GROUP BY f.sha256 ORDER BY f.seq LIMIT ?`,
  ).all(skip.size + 1) as { sha256: string; kind: 'pdf' | 'image'; pages: number | null }[];
  const row = rows.find((r) => !skip.has(r.sha256));
  return row ? { sha256: row.sha256, kind: row.kind, pages: row.pages ?? 1 } : null;
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

/** A file's status and page count as last read, or null while it waits. */
export function fileTextRow(store: Store, sha256: string): { status: FileTextStatus; pages: number | null } | null {
  return (
    (stmt(store.sqlite, 'SELECT status, pages FROM file_texts WHERE sha256 = ?').get(sha256) as
      { status: FileTextStatus; pages: number | null } | undefined) ?? null
  );
}

/** The mark of each file: its status, or 'pending' while it waits. */
export function fileTextStatus(store: Store, sha256: string): FileTextStatus | 'pending' {
  const row = stmt(store.sqlite, 'SELECT status FROM file_texts WHERE sha256 = ?').get(sha256) as { status: FileTextStatus } | undefined;
  return row?.status ?? 'pending';
}

/** A word of a scan and its box as fractions of the page: [text, x0, y0, x1, y1]. */
export type WordBox = [string, number, number, number, number];

/** The words of one page read by OCR (a page read again replaces them). */
export function saveFileWords(store: Store, sha256: string, page: number, words: WordBox[]): void {
  const rounded = words.map(([t, ...box]) => [t, ...box.map((x) => Math.round(x * 10_000) / 10_000)]);
  writeDerived(store, () => {
    stmt(store.sqlite, 'INSERT OR REPLACE INTO file_words (sha256, page, words) VALUES (?, ?, ?)').run(
      sha256,
      page,
      JSON.stringify(rounded),
    );
  });
}

/** A scan read again from its first page forgets where its words stood. */
export function clearFileWords(store: Store, sha256: string): void {
  writeDerived(store, () => void stmt(store.sqlite, 'DELETE FROM file_words WHERE sha256 = ?').run(sha256));
}

/** The pages of a scan with their words, in page order (none for a file with a text layer). */
export function fileWords(store: Store, sha256: string): { page: number; words: WordBox[] }[] {
  return (
    stmt(store.sqlite, 'SELECT page, words FROM file_words WHERE sha256 = ? ORDER BY page').all(sha256) as { page: number; words: string }[]
  ).map((r) => ({ page: r.page, words: JSON.parse(r.words) as WordBox[] }));
}
