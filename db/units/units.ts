// The office and the units it took over: their labels for old books and dossiers, and the
// office's own name, code and mã định danh, which a reorganisation may change.
import { asc, eq, isNull } from 'drizzle-orm';
import { formerUnitLabel, isReformKind } from '../../shared/domain/reform.js';
import { ORGAN_ID_SETTING } from '../../shared/sync/exchangeRelay.js';
import { currentUnit } from '../admin/users.js';
import { units } from '../core/schema.js';
import type { Store } from '../core/store.js';
import { mutate, type WriteContext } from '../core/write.js';
import { renameOffice } from '../reform/takeOver.js';
import { stmt } from '../core/statements.js';
import { readSetting } from '../core/settings.js';

export interface UnitRecord {
  id: string;
  code: string;
  name: string;
  current: boolean;
  successorId: string | null;
  endedOn: string | null;
  reform: 'sap_nhap' | 'hop_nhat' | 'chia_tach' | 'giai_the' | null;
  organId: string | null;
  label: string;
}

/** The office first, then the units it took over, latest first. */
export function listUnits(store: Store): UnitRecord[] {
  const office = currentUnit(store);
  const rows = store.db.select().from(units).where(isNull(units.deletedAt)).orderBy(asc(units.createdAt)).all();
  const out = rows.map((u) => {
    const current = u.id === office.id;
    return {
      id: u.id,
      code: u.code,
      name: u.name,
      current,
      successorId: u.successorId,
      endedOn: u.endedOn,
      reform: isReformKind(u.reform) ? u.reform : null,
      organId: current ? readSetting<string | null>(store, ORGAN_ID_SETTING, null) : u.organId,
      label: formerUnitLabel(u),
    };
  });
  return out.sort((a, b) => Number(b.current) - Number(a.current) || (b.endedOn ?? '').localeCompare(a.endedOn ?? ''));
}

/** Unit id → its label, for the rows that name a unit taken over. */
export function unitLabels(store: Store): Map<string, string> {
  return new Map(listUnits(store).map((u) => [u.id, u.label]));
}

/** One unit's label, for one record (a dossier): its row only, not the whole list. */
export function unitLabel(store: Store, unitId: string): string | null {
  const u = store.db.select().from(units).where(eq(units.id, unitId)).get();
  return u ? formerUnitLabel(u) : null;
}

export function updateOffice(store: Store, ctx: WriteContext, input: { name: string; code: string; organId?: string | null | undefined }) {
  mutate(store, ctx, (w) => renameOffice(w, currentUnit(store).id, input));
  return listUnits(store);
}

/** The name a record prints under: the unit taken over it belonged to, else this office. */
export function unitNameOf(store: Store, unitId: string | null | undefined): string {
  if (unitId) {
    const row = stmt(store.sqlite, 'SELECT name FROM units WHERE id = ?').get(unitId) as { name: string } | undefined;
    if (row) return row.name;
  }
  return currentUnit(store).name;
}
