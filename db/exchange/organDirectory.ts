// The organ directory's mã định danh (#18): one organ per OrganId, set by hand or taken from a
// spreadsheet an exchange axis or the province publishes (tên cơ quan, mã định danh).
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../shared/api/errors.js';
import { ORGAN_ID_MESSAGE, ORGAN_ID_PATTERN } from '../../shared/domain/exchange.js';
import { agencyKey, foldVietnamese } from '../../shared/text/searchKey.js';
import { agencies } from '../core/schema.js';
import type { Writer } from '../core/write.js';
import { agencyFor } from '../lookups/agencies.js';

/** Gives `organId` (or none) to the organ `id`, or to the one named `name`, made if new. */
export function saveOrgan(w: Writer, input: { id?: string | undefined; name: string; organId: string | null }): string {
  if (input.organId) {
    const holder = w.store.db
      .select({ id: agencies.id, name: agencies.name })
      .from(agencies)
      .where(and(eq(agencies.organId, input.organId), isNull(agencies.deletedAt)))
      .get();
    const target =
      input.id ??
      w.store.db
        .select({ id: agencies.id })
        .from(agencies)
        .where(eq(agencies.nameKey, agencyKey(input.name)))
        .get()?.id;
    if (holder && holder.id !== target)
      throw new AppError('DUPLICATE', `Mã định danh ${input.organId} đã gán cho “${holder.name}”.`, { field: 'organId' });
  }
  if (input.id) {
    if (!w.store.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, input.id)).get())
      throw new AppError('NOT_FOUND', 'Không tìm thấy cơ quan.');
    w.update(agencies, input.id, { name: input.name, nameKey: agencyKey(input.name), organId: input.organId });
    return input.id;
  }
  const a = agencyFor(w, input.name);
  w.update(agencies, a.id, { organId: input.organId });
  return a.id;
}

type Cell = string | number | boolean | Date | null;
export interface OrganImportResult {
  saved: number;
  skipped: { row: number; problem: string }[];
}

const isNameHeader = (t: string) => /\b(ten|co quan|don vi)\b/.test(t) && !/\bma\b/.test(t);
const isIdHeader = (t: string) => /ma dinh danh|organ ?id|\bma\b/.test(t);

/** The header row (within the first 20) that names both columns, and where they are. */
export function findColumns(rows: Cell[][]): { header: number; name: number; organId: number } | null {
  for (let r = 0; r < Math.min(rows.length, 20); r++) {
    const texts = (rows[r] ?? []).map((c) => foldVietnamese(String(c ?? '')).trim());
    const organId = texts.findIndex((t) => t && isIdHeader(t));
    const name = texts.findIndex((t, i) => t && i !== organId && isNameHeader(t));
    if (organId >= 0 && name >= 0) return { header: r, name, organId };
  }
  return null;
}

/** Each row's organ gets its mã định danh; a row that cannot is told, the others still go in. */
export function importOrgans(w: Writer, rows: Cell[][]): OrganImportResult {
  const at = findColumns(rows);
  if (!at)
    throw new AppError(
      'VALIDATION',
      'Không thấy cột “Tên cơ quan” và cột “Mã định danh” trong 20 dòng đầu của bảng tính; hãy đặt tiêu đề hai cột đó rồi nhập lại.',
    );
  const result: OrganImportResult = { saved: 0, skipped: [] };
  const seen = new Map<string, number>();
  for (let r = at.header + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const name = String(row[at.name] ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    const organId = String(row[at.organId] ?? '')
      .trim()
      .toUpperCase();
    if (!name && !organId) continue;
    const skip = (problem: string) => result.skipped.push({ row: r + 1, problem });
    if (name.length < 2 || name.length > 300) skip('Tên cơ quan trống hoặc dài quá 300 ký tự.');
    else if (!ORGAN_ID_PATTERN.test(organId)) skip(organId ? `${organId}: ${ORGAN_ID_MESSAGE}` : 'Thiếu mã định danh.');
    else if (seen.has(organId)) skip(`Mã định danh ${organId} đã có ở dòng ${seen.get(organId)} của bảng tính.`);
    else {
      seen.set(organId, r + 1);
      try {
        saveOrgan(w, { name, organId });
        result.saved++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        skip(err.message);
      }
    }
  }
  return result;
}
