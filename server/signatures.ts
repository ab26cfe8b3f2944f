// The server's side of signed authority changes (shared/sync/authority.ts): Ed25519 with Node's
// crypto. The desktop checks with its own (db/core/signing.ts): the rule is shared, the crypto is
// each side's.
import { createPublicKey, verify } from 'node:crypto';
import { authorityFor, authorityRefusal, rolesOf, type SignerRow } from '../shared/sync/authority.js';
import type { Change } from '../shared/sync/protocol.js';
import type { Sql } from './db.js';

function verifyEd25519(publicKey: string, payload: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' && verify(null, Buffer.from(payload, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

type Fields = Record<string, unknown>;

export interface Checked {
  accepted: Change[];
  refused: { changeId: string; reason: string }[];
  /** Set when this batch brought the unit's first admin: pinned as its root. */
  newRoot: string | null;
}

/** Checks each change to an authority table against the unit's users as they stand, in order. */
export async function checkAuthority(sql: Sql, unitId: string, rootKey: string | null, changes: Change[]): Promise<Checked> {
  const out: Checked = { accepted: [], refused: [], newRoot: null };
  if (!changes.some((c) => authorityFor(c.table, c.rowId, c.fields))) return { ...out, accepted: changes };
  const ids = [...new Set(changes.flatMap((c) => [c.signedBy, c.table === 'users' ? c.rowId : null]).filter((x): x is string => !!x))];
  const users = new Map<string, Fields>(
    (
      await sql.query<{ row_id: string; data: Fields }>(
        `SELECT row_id, data FROM rows WHERE unit_id = $1 AND table_name = 'users' AND row_id = ANY($2::text[])`,
        [unitId, ids],
      )
    ).map((r) => [r.row_id, { ...r.data }]),
  );
  const [anyUser] = await sql.query(`SELECT 1 FROM rows WHERE unit_id = $1 AND table_name = 'users' LIMIT 1`, [unitId]);
  let root = rootKey;
  const signer = (id: string): SignerRow | null => {
    const u = users.get(id);
    if (!u) return null;
    return {
      roles: rolesOf(u.roles),
      active: u.active === true || u.active === 1,
      publicKey: typeof u.public_key === 'string' ? u.public_key : null,
    };
  };
  for (const c of changes) {
    // The unit's first admin, from its first device: his own key becomes the unit's root.
    let pinning = false;
    if (!root && !anyUser && users.size === 0 && c.table === 'users' && c.rowId === c.signedBy && typeof c.fields.public_key === 'string') {
      if (rolesOf(c.fields.roles).includes('admin')) {
        root = c.fields.public_key;
        pinning = true;
      }
    }
    const reason = authorityRefusal(c, { rootKey: root, signer, verify: verifyEd25519 });
    if (reason) {
      if (pinning) root = rootKey;
      out.refused.push({ changeId: c.changeId, reason });
      continue;
    }
    if (pinning) out.newRoot = root;
    if (c.table === 'users') users.set(c.rowId, { ...(users.get(c.rowId) ?? {}), ...c.fields });
    out.accepted.push(c);
  }
  return out;
}
