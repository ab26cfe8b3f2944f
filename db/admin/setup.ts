// First run: the unit, its admin, the default document types and this year's incoming book.
import { sql } from 'drizzle-orm';
import { AppError } from '../../shared/api/errors.js';
import { DEFAULT_DOC_TYPES } from '../../shared/domain/docTypes.js';
import { officeYear } from '../../shared/text/dates.js';
import { incomingBookName } from '../registers/books.js';
import { docTypes, registerBooks, units, users } from '../core/schema.js';
import type { Store } from '../core/store.js';
import { mutate } from '../core/write.js';

export function isInitialized(store: Store): boolean {
  const row = store.db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .get();
  return (row?.n ?? 0) > 0;
}

export interface SetupInput {
  unitName: string;
  unitCode: string;
  adminUsername: string;
  adminFullName: string;
  adminPasswordHash: string;
}

/** Works only while the store has no user; the check and the writes share one transaction. */
export function initialize(store: Store, input: SetupInput): { userId: string } {
  return mutate(store, { userId: null }, (w) => {
    if (isInitialized(store)) throw new AppError('ALREADY_INITIALIZED', 'Chương trình đã được thiết lập; hãy đăng nhập.');
    const unitId = w.insert(units, { code: input.unitCode, name: input.unitName });
    const userId = w.insert(users, {
      unitId,
      username: input.adminUsername,
      fullName: input.adminFullName,
      passwordHash: input.adminPasswordHash,
      roles: JSON.stringify(['admin']),
      departmentId: null,
      active: true,
      failedLogins: 0,
      lockedUntil: null,
    });
    DEFAULT_DOC_TYPES.forEach((t, i) => w.insert(docTypes, { code: t.code, name: t.name, sort: i, active: true }));
    const year = officeYear(store.now());
    w.insert(registerBooks, { kind: 'incoming', name: incomingBookName(year), year, series: 'general', printedAt: null, closedAt: null });
    w.event('setup.initialize', { unitName: input.unitName, unitCode: input.unitCode, admin: input.adminUsername });
    return { userId };
  });
}
