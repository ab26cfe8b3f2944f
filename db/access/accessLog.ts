// Views, downloads and prints, recorded as they are served (Appendix VI, 5a, 6a, 6b, 6l): one
// tally row per user, thing, action, PC and day. A view within ten minutes of the same user's
// last view of it on this PC is the same look (the detail reloads after every step), so nothing
// is written for it; a download or a print always counts.
import { hostname } from 'node:os';
import { officeDate } from '../../shared/text/dates.js';
import { accessLog, ACCESS_ACTIONS } from '../core/schema.js';
import { namedId } from '../core/ids.js';
import { stmt } from '../core/statements.js';
import type { Store } from '../core/store.js';
import { mutate, type WriteContext } from '../core/write.js';

export type AccessAction = (typeof ACCESS_ACTIONS)[number];

export interface AccessTarget {
  documentId?: string | null;
  attachmentId?: string | null;
  dossierId?: string | null;
}

const SAME_LOOK_MS = 10 * 60 * 1000;

interface TallyRow {
  id: string;
  count: number;
  first_at: string;
  last_at: string;
}

export function recordAccess(store: Store, ctx: WriteContext, target: AccessTarget, action: AccessAction): void {
  const userId = ctx.userId;
  if (!userId) return;
  const now = store.now();
  const at = now.toISOString();
  const day = officeDate(now);
  const thing = target.attachmentId ?? target.documentId ?? target.dossierId;
  if (!thing) return;
  const id = namedId(['access', store.deviceId, userId, thing, action, day].join('\n'));
  const row = stmt(store.sqlite, 'SELECT id, count, first_at, last_at FROM access_log WHERE id = ?').get(id) as TallyRow | undefined;
  if (row && action === 'view' && now.getTime() - Date.parse(row.last_at) < SAME_LOOK_MS) return;
  mutate(store, ctx, (w) =>
    w.tally(accessLog, id, {
      userId,
      documentId: target.documentId ?? null,
      attachmentId: target.attachmentId ?? null,
      dossierId: target.dossierId ?? null,
      action,
      day,
      deviceId: store.deviceId,
      pcName: row ? undefined : pcName(),
      count: (row?.count ?? 0) + 1,
      firstAt: row?.first_at ?? at,
      lastAt: at,
    }),
  );
}

let cachedName: string | null = null;
function pcName(): string {
  return (cachedName ??= hostname().slice(0, 100) || 'máy không tên');
}

export interface AccessEntry {
  userId: string;
  userName: string | null;
  action: AccessAction;
  /** The file's name when it was a file; null for the record itself. */
  fileName: string | null;
  pcName: string;
  count: number;
  firstAt: string;
  lastAt: string;
}

/** Lịch sử truy cập of a document (its files too) or a dossier (its files too), newest first. */
export function accessHistory(store: Store, target: { documentId: string } | { dossierId: string }): AccessEntry[] {
  const where = 'documentId' in target ? 'a.document_id = ?' : 'a.dossier_id = ?';
  const rows = stmt(
    store.sqlite,
    `SELECT a.user_id, u.full_name, a.action, f.name AS file_name, a.pc_name, sum(a.count) AS count, min(a.first_at) AS first_at, max(a.last_at) AS last_at
       FROM access_log a LEFT JOIN users u ON u.id = a.user_id LEFT JOIN attachments f ON f.id = a.attachment_id
      WHERE ${where} AND a.deleted_at IS NULL
      GROUP BY a.user_id, a.action, a.attachment_id, a.pc_name
      ORDER BY last_at DESC LIMIT 1000`,
  ).all('documentId' in target ? target.documentId : target.dossierId) as {
    user_id: string;
    full_name: string | null;
    action: AccessAction;
    file_name: string | null;
    pc_name: string;
    count: number;
    first_at: string;
    last_at: string;
  }[];
  return rows.map((r) => ({
    userId: r.user_id,
    userName: r.full_name,
    action: r.action,
    fileName: r.file_name,
    pcName: r.pc_name,
    count: r.count,
    firstAt: r.first_at,
    lastAt: r.last_at,
  }));
}

export interface AccessReportRow {
  userId: string;
  userName: string | null;
  views: number;
  downloads: number;
  prints: number;
  /** Distinct documents and dossiers looked at. */
  things: number;
  lastAt: string;
}

/** Access by user between two office dates (inclusive), most active first. */
export function accessReport(store: Store, from: string, to: string): AccessReportRow[] {
  const rows = stmt(
    store.sqlite,
    `SELECT a.user_id, u.full_name,
            sum(CASE WHEN a.action = 'view' THEN a.count ELSE 0 END) AS views,
            sum(CASE WHEN a.action = 'download' THEN a.count ELSE 0 END) AS downloads,
            sum(CASE WHEN a.action = 'print' THEN a.count ELSE 0 END) AS prints,
            count(DISTINCT coalesce(a.document_id, a.dossier_id)) AS things,
            max(a.last_at) AS last_at
       FROM access_log a LEFT JOIN users u ON u.id = a.user_id
      WHERE a.day BETWEEN ? AND ? AND a.deleted_at IS NULL
      GROUP BY a.user_id
      ORDER BY views + downloads + prints DESC, u.full_name`,
  ).all(from, to) as {
    user_id: string;
    full_name: string | null;
    views: number;
    downloads: number;
    prints: number;
    things: number;
    last_at: string;
  }[];
  return rows.map((r) => ({
    userId: r.user_id,
    userName: r.full_name,
    views: r.views,
    downloads: r.downloads,
    prints: r.prints,
    things: r.things,
    lastAt: r.last_at,
  }));
}

/** What a file's access is about: the document it belongs to, or the dossier (a dossier's own files). */
export function fileTarget(store: Store, attachment: { id: string; documentId: string }): AccessTarget {
  const isDocument = stmt(store.sqlite, 'SELECT 1 AS x FROM documents WHERE id = ?').get(attachment.documentId) !== undefined;
  return isDocument
    ? { documentId: attachment.documentId, attachmentId: attachment.id }
    : { dossierId: attachment.documentId, attachmentId: attachment.id };
}
