// Hồ sơ công việc: opened from the catalogue (or ad hoc), filled with documents and free
// items in order, closed (kết thúc: read-only, reopened only by the admin with a reason), and
// handed over to the office archive (nộp lưu: read-only but for the archivist).
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { DossierRecord } from '../../shared/api/dossiers.js';
import { AppError } from '../../shared/api/errors.js';
import type { Role } from '../../shared/domain/enums.js';
import { officeDate } from '../../shared/text/dates.js';
import { getEntry } from './catalogue.js';
import { getDocument } from '../documents/documentRows.js';
import { recordEvent } from '../documents/history.js';
import { attachments, dossierItems, dossiers, users } from '../core/schema.js';
import { readSetting } from '../core/settings.js';
import type { Store } from '../core/store.js';
import { unitLabel } from '../units/units.js';
import { currentUnit } from '../admin/users.js';
import { mutate, type WriteContext } from '../core/write.js';

type Row = typeof dossiers.$inferSelect;
type ItemRow = typeof dossierItems.$inferSelect;
const HANDOVER_WARNING_DAYS = 30;

function row(store: Store, id: string): Row {
  const d = store.db.select().from(dossiers).where(eq(dossiers.id, id)).get();
  if (!d || d.deletedAt) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ.');
  return d;
}

/** Items change only while a dossier is open. */
function requireOpen(d: Row): void {
  if (d.status === 'ket_thuc') throw new AppError('CONFLICT', `Hồ sơ ${d.notation} đã kết thúc; chỉ quản trị mở lại được.`);
  if (d.status === 'nop_luu') throw new AppError('CONFLICT', `Hồ sơ ${d.notation} đã nộp lưu; chỉ lưu trữ cơ quan được sửa.`);
}

/** Mã hồ sơ (PL VI): the organ's identifier, the year, the notation — "000.00.00.G09.2026.01.TCCB". */
function fullCode(store: Store, year: number, notation: string): string {
  const organ = readSetting<string>(store, 'organ.identifier', currentUnit(store).code);
  return `${organ}.${year}.${notation}`;
}

export function openDossier(
  store: Store,
  ctx: WriteContext,
  input: { entryId: string } | { year: number; title: string; notation: string; retention: string; keeperId?: string | null | undefined },
): DossierRecord {
  const id = mutate(store, ctx, (w) => {
    const fields =
      'entryId' in input
        ? fromEntry(store, input.entryId, ctx.userId)
        : {
            entryId: null,
            year: input.year,
            notation: input.notation,
            title: input.title,
            retention: input.retention,
            keeperId: input.keeperId ?? ctx.userId,
          };
    const code = fullCode(store, fields.year, fields.notation);
    const clash = store.db
      .select({ id: dossiers.id })
      .from(dossiers)
      .where(and(eq(dossiers.fullCode, code), isNull(dossiers.unitId), isNull(dossiers.deletedAt)))
      .get();
    if (clash)
      throw new AppError('CONFLICT', `Hồ sơ ${fields.notation} năm ${fields.year} đã được mở.`, { details: { dossierId: clash.id } });
    return w.insert(dossiers, {
      ...fields,
      fullCode: code,
      accessRegime: 'Hạn chế',
      language: 'Tiếng Việt',
      description: null,
      status: 'mo',
      closedAt: null,
      handedOverAt: null,
      reopenReason: null,
      pagesOverride: null,
      unitId: null,
    });
  });
  return getDossier(store, id);
}

/** From the catalogue: its code, title and retention; kept by the person the catalogue names, else the opener. */
function fromEntry(store: Store, entryId: string, opener: string | null) {
  const e = getEntry(store, entryId);
  return { entryId: e.id, year: e.year, notation: e.code, title: e.title, retention: e.retention, keeperId: e.keeperId ?? opener };
}

function itemsOf(store: Store, dossierId: string): ItemRow[] {
  return store.db
    .select()
    .from(dossierItems)
    .where(and(eq(dossierItems.dossierId, dossierId), isNull(dossierItems.deletedAt)))
    .orderBy(asc(dossierItems.position))
    .all();
}

export function getDossier(store: Store, id: string): DossierRecord {
  const d = row(store, id);
  const items = itemsOf(store, id).map((i) => {
    if (i.documentId) {
      const doc = getDocument(store, i.documentId);
      const pages = i.pages ?? doc.pages ?? attachmentPages(store, doc.id);
      return {
        id: i.id,
        position: i.position,
        documentId: doc.id,
        kind: doc.kind,
        code: doc.code,
        date: doc.issuedDate,
        summary: `${doc.typeName}: ${doc.summary}`,
        author: doc.agencyName,
        pages,
        primaryFiling: i.primaryFiling,
        notes: i.notes,
        attachmentId: i.attachmentId,
      };
    }
    return {
      id: i.id,
      position: i.position,
      documentId: null,
      kind: 'free' as const,
      code: i.code ?? '',
      date: i.itemDate,
      summary: i.summary ?? '',
      author: i.author ?? '',
      pages: i.pages,
      primaryFiling: true,
      notes: i.notes,
      attachmentId: i.attachmentId,
    };
  });
  const dates = items
    .map((i) => i.date)
    .filter((x): x is string => !!x)
    .sort();
  const keeper = d.keeperId ? (store.db.select({ n: users.fullName }).from(users).where(eq(users.id, d.keeperId)).get()?.n ?? null) : null;
  const handoverDue = d.closedAt ? addYears(officeDate(d.closedAt), 1) : null;
  const today = officeDate(store.now());
  return {
    id: d.id,
    entryId: d.entryId,
    year: d.year,
    notation: d.notation,
    fullCode: d.fullCode,
    title: d.title,
    retention: d.retention,
    accessRegime: d.accessRegime,
    keeperId: d.keeperId,
    keeperName: keeper,
    language: d.language,
    description: d.description,
    status: d.status as DossierRecord['status'],
    closedAt: d.closedAt,
    handedOverAt: d.handedOverAt,
    startDate: dates[0] ?? null,
    endDate: dates.at(-1) ?? null,
    documentCount: items.length,
    pageCount: d.pagesOverride ?? items.reduce((s, i) => s + (i.pages ?? 0), 0),
    handoverDue,
    handoverWarning: d.status === 'ket_thuc' && handoverDue !== null && handoverDue <= addDays(today, HANDOVER_WARNING_DAYS),
    unitLabel: d.unitId ? unitLabel(store, d.unitId) : null,
    items,
  };
}

function attachmentPages(store: Store, documentId: string): number | null {
  const list = store.db
    .select({ pages: attachments.pages, role: attachments.role })
    .from(attachments)
    .where(and(eq(attachments.documentId, documentId), isNull(attachments.deletedAt)))
    .all();
  const original = list.find((a) => a.role === 'original' && a.pages);
  return original?.pages ?? null;
}

function addYears(iso: string, n: number): string {
  return `${Number(iso.slice(0, 4)) + n}${iso.slice(4)}`;
}

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function listDossiers(
  store: Store,
  f: { year?: number | undefined; status?: string | undefined; keeperId?: string | undefined },
): DossierRecord[] {
  return store.db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(
      and(
        isNull(dossiers.deletedAt),
        f.year ? eq(dossiers.year, f.year) : undefined,
        f.status ? eq(dossiers.status, f.status) : undefined,
        f.keeperId ? eq(dossiers.keeperId, f.keeperId) : undefined,
      ),
    )
    .orderBy(asc(dossiers.year), asc(dossiers.notation))
    .all()
    .map((d) => getDossier(store, d.id));
}

/** The dossier a document is filed in — its "Số và ký hiệu HS" on the arrival stamp. */
export function dossierOf(store: Store, documentId: string): { id: string; notation: string } | null {
  const item = store.db
    .select({ id: dossiers.id, notation: dossiers.notation })
    .from(dossierItems)
    .innerJoin(dossiers, eq(dossiers.id, dossierItems.dossierId))
    .where(
      and(
        eq(dossierItems.documentId, documentId),
        eq(dossierItems.primaryFiling, true),
        isNull(dossierItems.deletedAt),
        isNull(dossiers.deletedAt),
      ),
    )
    .get();
  return item ?? null;
}

export function addItems(
  store: Store,
  ctx: WriteContext,
  input: {
    dossierId: string;
    documentIds: string[];
    free?:
      | {
          code: string;
          date: string;
          author: string;
          summary: string;
          pages?: number | null | undefined;
          attachmentId?: string | null | undefined;
        }
      | undefined;
  },
): DossierRecord {
  mutate(store, ctx, (w) => {
    const d = row(store, input.dossierId);
    requireOpen(d);
    const present = new Set(itemsOf(store, d.id).map((i) => i.documentId));
    let position = Math.max(0, ...itemsOf(store, d.id).map((i) => i.position));
    for (const documentId of [...new Set(input.documentIds)]) {
      const doc = getDocument(store, documentId);
      if (doc.cancelled) throw new AppError('VALIDATION', `Văn bản ${doc.code} đã hủy, không lưu vào hồ sơ.`, { field: 'documentIds' });
      if (present.has(documentId)) throw new AppError('CONFLICT', `Văn bản ${doc.code} đã có trong hồ sơ này.`);
      // A document is filed in one dossier; in any other it is a reference.
      const primary = dossierOf(store, documentId) === null;
      w.insert(dossierItems, {
        dossierId: d.id,
        documentId,
        attachmentId: null,
        code: null,
        itemDate: null,
        author: null,
        summary: null,
        pages: null,
        position: ++position,
        primaryFiling: primary,
        notes: primary ? null : 'Tham chiếu',
      });
      recordEvent(w, documentId, 'file', { dossierId: d.id, notation: d.notation, primary });
    }
    if (input.free) {
      w.insert(dossierItems, {
        dossierId: d.id,
        documentId: null,
        attachmentId: input.free.attachmentId ?? null,
        code: input.free.code,
        itemDate: input.free.date,
        author: input.free.author,
        summary: input.free.summary,
        pages: input.free.pages ?? null,
        position: position + 1,
        primaryFiling: true,
        notes: null,
      });
    }
  });
  return getDossier(store, input.dossierId);
}

export function reorderItems(store: Store, ctx: WriteContext, input: { dossierId: string; itemIds: string[] }): DossierRecord {
  mutate(store, ctx, (w) => {
    const d = row(store, input.dossierId);
    requireOpen(d);
    const items = itemsOf(store, d.id);
    const ids = new Set(items.map((i) => i.id));
    if (input.itemIds.length !== items.length || input.itemIds.some((i) => !ids.has(i)) || new Set(input.itemIds).size !== items.length) {
      throw new AppError('VALIDATION', 'Thứ tự mới phải gồm đúng các văn bản trong hồ sơ; hãy tải lại.', { field: 'itemIds' });
    }
    input.itemIds.forEach((itemId, i) => w.update(dossierItems, itemId, { position: i + 1 }));
  });
  return getDossier(store, input.dossierId);
}

export function removeItem(store: Store, ctx: WriteContext, itemId: string): DossierRecord {
  const item = store.db.select().from(dossierItems).where(eq(dossierItems.id, itemId)).get();
  if (!item || item.deletedAt) throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản trong hồ sơ.');
  mutate(store, ctx, (w) => {
    requireOpen(row(store, item.dossierId));
    w.tombstone(dossierItems, itemId);
    // Whatever followed moves up, so the item list stays numbered 1, 2, 3…
    itemsOf(store, item.dossierId).forEach((i, n) => i.position !== n + 1 && w.update(dossierItems, i.id, { position: n + 1 }));
    // If this was where the document was filed, its first reference elsewhere becomes the filing.
    if (item.documentId && item.primaryFiling) {
      const next = store.db
        .select()
        .from(dossierItems)
        .where(and(eq(dossierItems.documentId, item.documentId), isNull(dossierItems.deletedAt), ne(dossierItems.id, item.id)))
        .orderBy(asc(dossierItems.createdAt))
        .get();
      if (next) w.update(dossierItems, next.id, { primaryFiling: true, notes: null });
    }
  });
  return getDossier(store, item.dossierId);
}

/** Kết thúc: items in order, retention set, at least one item; then read-only. */
export function closeDossier(store: Store, ctx: WriteContext, id: string): DossierRecord {
  mutate(store, ctx, (w) => {
    const d = row(store, id);
    requireOpen(d);
    const items = itemsOf(store, id);
    if (items.length === 0) throw new AppError('VALIDATION', 'Hồ sơ chưa có văn bản nào; chưa kết thúc được.');
    if (items.some((i, n) => i.position !== n + 1))
      throw new AppError('VALIDATION', 'Thứ tự văn bản trong hồ sơ chưa liền mạch; hãy sắp xếp lại trước khi kết thúc.');
    if (!d.retention) throw new AppError('VALIDATION', 'Chưa xác định thời hạn bảo quản của hồ sơ.');
    w.update(dossiers, id, { status: 'ket_thuc', closedAt: w.at });
  });
  return getDossier(store, id);
}

export function reopenDossier(store: Store, ctx: WriteContext, id: string, reason: string): DossierRecord {
  mutate(store, ctx, (w) => {
    const d = row(store, id);
    if (d.status !== 'ket_thuc') throw new AppError('CONFLICT', 'Chỉ mở lại được hồ sơ đã kết thúc và chưa nộp lưu.');
    w.update(dossiers, id, { status: 'mo', closedAt: null, reopenReason: reason }, 'reopen');
  });
  return getDossier(store, id);
}

/** Nộp lưu: closed dossiers kept 5 years or more go to the office archive and become read-only. */
export function handOver(store: Store, ctx: WriteContext, ids: string[]): DossierRecord[] {
  mutate(store, ctx, (w) => {
    for (const d of store.db.select().from(dossiers).where(inArray(dossiers.id, ids)).all()) {
      if (d.status !== 'ket_thuc') throw new AppError('CONFLICT', `Hồ sơ ${d.notation} chưa kết thúc nên chưa nộp lưu được.`);
      if (d.retention !== 'vinh_vien' && Number(d.retention) < 5)
        throw new AppError('VALIDATION', `Hồ sơ ${d.notation} bảo quản dưới 5 năm, không nộp lưu vào lưu trữ cơ quan.`);
      w.update(dossiers, d.id, { status: 'nop_luu', handedOverAt: w.at }, 'handover');
    }
    if (ids.length === 0) throw new AppError('VALIDATION', 'Chưa chọn hồ sơ nộp lưu.');
  });
  return ids.map((id) => getDossier(store, id));
}

/** Description and page count (counted from the items unless set); after handover only the archivist changes them. */
export function describeDossier(
  store: Store,
  ctx: WriteContext,
  actor: { roles: Role[] },
  id: string,
  description: string | null,
  pageCount?: number | null,
): DossierRecord {
  mutate(store, ctx, (w) => {
    const d = row(store, id);
    if (d.status === 'nop_luu' && !actor.roles.includes('archivist'))
      throw new AppError('FORBIDDEN', 'Hồ sơ đã nộp lưu; chỉ lưu trữ cơ quan được sửa.');
    if (d.status === 'ket_thuc' && !actor.roles.includes('admin')) requireOpen(d);
    w.update(dossiers, id, { description, ...(pageCount !== undefined ? { pagesOverride: pageCount } : {}) });
  });
  return getDossier(store, id);
}

/** Who may change a dossier: the person who keeps it, or the clerk, a leader, the archivist, the admin. */
export function mayChangeDossier(actor: { id: string; roles: Role[] }, keeperId: string | null): boolean {
  return keeperId === actor.id || actor.roles.some((r) => r === 'admin' || r === 'clerk' || r === 'leader' || r === 'archivist');
}

export function requireKeeper(store: Store, actor: { id: string; roles: Role[] }, dossierId: string): void {
  if (mayChangeDossier(actor, row(store, dossierId).keeperId)) return;
  throw new AppError('FORBIDDEN', 'Hồ sơ này do người khác lập; bạn không sửa được.');
}

export function dossierOfItem(store: Store, itemId: string): string {
  const item = store.db.select({ dossierId: dossierItems.dossierId }).from(dossierItems).where(eq(dossierItems.id, itemId)).get();
  if (!item) throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản trong hồ sơ.');
  return item.dossierId;
}
