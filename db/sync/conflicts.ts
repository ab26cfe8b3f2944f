// The conflicts list: for each concurrent edit sync settled, the value that lost. Restoring one
// writes it again as a new change (so it wins on every device once synced), audited.
import { AppError } from '../../shared/api/errors.js';
import type { SyncConflict } from '../../shared/api/sync.js';
import { mayCall } from '../../shared/api/access.js';
import type { MethodName } from '../../shared/api/contract.js';
import { MASKED_SUMMARY } from '../../shared/domain/secrecy.js';
import { hiddenAmong, type Reader } from '../secrets/secretAccess.js';
import { CONTENT_COLUMNS } from '../secrets/syncBoundary.js';
import { stmt } from '../core/statements.js';
import { SYNCED } from './tables.js';
import type { Store } from '../core/store.js';
import { mutate, type SyncedTable, type Writer, type WriteContext } from '../core/write.js';

const TABLE_LABELS: Record<string, string> = {
  documents: 'Văn bản',
  tasks: 'Giao xử lý',
  users: 'Người dùng',
  departments: 'Phòng ban',
  agencies: 'Cơ quan',
  dossiers: 'Hồ sơ',
  dossier_items: 'Mục trong hồ sơ',
  outgoing_drafts: 'Dự thảo',
  settings: 'Cài đặt',
  register_books: 'Sổ đăng ký',
  attachments: 'Tệp đính kèm',
};

const FIELD_LABELS: Record<string, string> = {
  summary: 'Trích yếu',
  code: 'Số, ký hiệu',
  agency_name: 'Cơ quan ban hành',
  issued_date: 'Ngày văn bản',
  received_date: 'Ngày đến',
  deadline: 'Hạn xử lý',
  notes: 'Ghi chú',
  recipient: 'Nơi nhận',
  status: 'Trạng thái',
  direction: 'Ý kiến chỉ đạo',
  urgency: 'Độ khẩn',
  confidentiality: 'Độ mật',
  pages: 'Số tờ',
  progress: 'Tiến độ',
  result: 'Kết quả',
  title: 'Tiêu đề',
  name: 'Tên',
  full_name: 'Họ và tên',
  value: 'Giá trị',
  deleted_at: 'Đã xóa',
  number: 'Số',
};

interface ConflictRow {
  seq: number;
  at: string;
  table_name: string;
  row_id: string;
  field: string;
  lost_value: string | null;
  lost_hlc: string;
  kept_value: string | null;
  kept_hlc: string;
}

function rowLabel(store: Store, reader: Reader, table: string, rowId: string): string {
  if (table === 'documents') {
    const d = stmt(store.sqlite, 'SELECT kind, number, year, summary FROM documents WHERE id = ?').get(rowId) as
      { kind: string; number: number; year: number; summary: string } | undefined;
    const summary = hiddenAmong(store, reader, [rowId]).size > 0 ? MASKED_SUMMARY : d?.summary;
    if (d) return `Văn bản ${d.kind === 'incoming' ? 'đến' : 'đi'} số ${d.number}/${d.year} — ${summary}`;
  }
  if (table === 'settings') return `Cài đặt “${rowId}”`;
  return `${TABLE_LABELS[table] ?? table} ${rowId.slice(-6)}`;
}

const clockTime = (hlc: string) => hlc.slice(0, 24);

/**
 * The ordinary method that edits each table: restoring a lost value is an edit, allowed only to
 * those that method allows. Tables absent here (history, links) are never restored by hand.
 */
const EDITED_THROUGH: Record<string, MethodName> = {
  documents: 'incoming.update',
  agencies: 'incoming.update',
  tasks: 'incoming.assign',
  outgoing_drafts: 'outgoing.createDraft',
  attachments: 'attachments.remove',
  catalogue_headings: 'catalogue.saveHeading',
  catalogue_entries: 'catalogue.saveEntry',
  dossiers: 'catalogue.saveEntry',
  dossier_items: 'catalogue.saveEntry',
  users: 'users.update',
  departments: 'departments.update',
  units: 'settings.saveOffice',
  doc_types: 'settings.saveOffice',
  register_books: 'settings.saveOffice',
  settings: 'settings.saveOffice',
};

/** Values no answer carries, whoever asks (a password hash is a password to whoever holds it). */
const NEVER_SHOWN = new Set(['password_hash', 'sealed_key', 'public_key']);

function documentOf(store: Store, table: string, rowId: string): string | null {
  if (table === 'documents') return rowId;
  if (table !== 'tasks' && table !== 'attachments' && table !== 'dossier_items') return null;
  const r = stmt(store.sqlite, `SELECT document_id AS id FROM "${table}" WHERE id = ?`).get(rowId) as { id: string | null } | undefined;
  return r?.id ?? null;
}

/** Whether this reader may see (and put back) the lost value of this conflict. */
function mayHandle(store: Store, reader: Reader, c: ConflictRow): boolean {
  const method = EDITED_THROUGH[c.table_name];
  if (!method || NEVER_SHOWN.has(c.field) || !mayCall(reader, method)) return false;
  const doc = documentOf(store, c.table_name, c.row_id);
  // Of a task, file or dossier item every field is the document's content; of the document, its content columns.
  const content = c.table_name !== 'documents' || CONTENT_COLUMNS.has(c.field);
  if (doc && content && hiddenAmong(store, reader, [doc]).size > 0) return false;
  return true;
}

export function listConflicts(store: Store, reader: Reader, limit = 200): SyncConflict[] {
  const rows = (
    stmt(store.sqlite, 'SELECT * FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY seq DESC LIMIT ?').all(limit) as ConflictRow[]
  ).filter((r) => mayHandle(store, reader, r));
  return rows.map((r) => ({
    id: r.seq,
    at: r.at,
    table: r.table_name,
    rowId: r.row_id,
    rowLabel: rowLabel(store, reader, r.table_name, r.row_id),
    field: r.field,
    fieldLabel: FIELD_LABELS[r.field] ?? r.field,
    lostValue: r.lost_value === null ? null : (JSON.parse(r.lost_value) as unknown),
    keptValue: r.kept_value === null ? null : (JSON.parse(r.kept_value) as unknown),
    lostAt: clockTime(r.lost_hlc),
    keptAt: clockTime(r.kept_hlc),
  }));
}

export function countConflicts(store: Store): number {
  return (stmt(store.sqlite, 'SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL').get() as { n: number }).n;
}

function openConflict(store: Store, id: number): ConflictRow {
  const row = stmt(store.sqlite, 'SELECT * FROM sync_conflicts WHERE seq = ? AND resolved_at IS NULL').get(id) as ConflictRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'Xung đột này đã được xử lý.');
  return row;
}

const NOT_YOURS = 'Bạn không có quyền sửa dữ liệu này nên không khôi phục hay bỏ qua được giá trị của nó.';

function resolve(w: Writer, id: number): void {
  stmt(w.store.sqlite, 'UPDATE sync_conflicts SET resolved_at = ? WHERE seq = ?').run(w.at, id);
}

/** Puts the losing value back: a new edit of this device, synced like any other. */
export function restoreConflict(store: Store, ctx: WriteContext, reader: Reader, id: number): void {
  mutate(store, ctx, (w) => {
    const c = openConflict(store, id);
    if (!mayHandle(store, reader, c)) throw new AppError('FORBIDDEN', NOT_YOURS);
    const spec = SYNCED.get(c.table_name);
    const value = c.lost_value === null ? null : (JSON.parse(c.lost_value) as unknown);
    if (!spec) throw new AppError('NOT_FOUND', 'Bảng dữ liệu này không còn.');
    if (spec.name === 'settings') w.setSetting(c.row_id, JSON.parse(String(value)));
    else {
      const prop = spec.propertyOf.get(c.field);
      if (!prop) throw new AppError('NOT_FOUND', 'Trường dữ liệu này không còn.');
      w.update(spec.table as SyncedTable, c.row_id, { [prop]: spec.booleans.has(c.field) ? Boolean(value) : value }, 'sync.restore');
    }
    w.event('sync.restore', { conflict: id, table: c.table_name, row: c.row_id, field: c.field });
    resolve(w, id);
  });
}

/** Keeps the value sync chose; the losing one leaves the list (still in the audit log). */
export function dismissConflict(store: Store, ctx: WriteContext, reader: Reader, id: number): void {
  mutate(store, ctx, (w) => {
    const c = openConflict(store, id);
    if (!mayHandle(store, reader, c)) throw new AppError('FORBIDDEN', NOT_YOURS);
    w.event('sync.dismiss', { conflict: id, table: c.table_name, row: c.row_id, field: c.field });
    resolve(w, id);
  });
}
