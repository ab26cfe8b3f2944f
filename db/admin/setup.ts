// First run: the unit, its admin, the default document types and this year's incoming book.
import { sql } from 'drizzle-orm';
import { AppError } from '../../shared/api/errors.js';
import { DEFAULT_DOC_TYPES } from '../../shared/domain/docTypes.js';
import { officeYear } from '../../shared/text/dates.js';
import { incomingBookName } from '../registers/books.js';
import { docTypes, registerBooks, units, users } from '../core/schema.js';
import type { Store } from '../core/store.js';
import { mutate } from '../core/write.js';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { uuidv7 } from '../core/ids.js';
import type { Signer } from '../core/signing.js';
import { pinRootKey } from '../sync/authorityCheck.js';
import type { UserKey } from './userKeys.js';

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
  /** The admin's signing key, sealed by his password (db/admin/userKeys.ts). Without one (tests,
   * benches) a key is made that only this process holds: the admin cannot sign after a restart. */
  adminKey?: UserKey | undefined;
}

/** Works only while the store has no user; the check and the writes share one transaction. */
export function initialize(store: Store, input: SetupInput): { userId: string; signer: Signer } {
  const key = input.adminKey ?? unsealedKey();
  const userId = uuidv7(store.now().getTime());
  const signer: Signer = { userId, key: key.privateKey };
  // The first admin signs the office into being: his key is the unit's root (shared/sync/authority.ts).
  return mutate(store, { userId, signer }, (w) => {
    if (isInitialized(store)) throw new AppError('ALREADY_INITIALIZED', 'Chương trình đã được thiết lập; hãy đăng nhập.');
    // The admin's row comes first: every other change of the office is checked against his key,
    // his own included, so the unit's row must follow it (its key is checked at commit).
    store.sqlite.pragma('defer_foreign_keys = ON');
    const unitId = uuidv7(store.now().getTime());
    w.insert(users, {
      id: userId,
      publicKey: key.publicKey,
      sealedKey: key.sealedKey,
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
    w.insert(units, { id: unitId, code: input.unitCode, name: input.unitName });
    DEFAULT_DOC_TYPES.forEach((t, i) => w.insert(docTypes, { code: t.code, name: t.name, sort: i, active: true }));
    const year = officeYear(store.now());
    w.insert(registerBooks, { kind: 'incoming', name: incomingBookName(year), year, series: 'general', printedAt: null, closedAt: null });
    w.event('setup.initialize', { unitName: input.unitName, unitCode: input.unitCode, admin: input.adminUsername });
    pinRootKey(store, key.publicKey);
    return { userId, signer };
  });
}

function unsealedKey(): { publicKey: string; sealedKey: null; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'), sealedKey: null, privateKey };
}
