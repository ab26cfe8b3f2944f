// Who may change the office's authority records — its users (roles, password, active), departments,
// units, register books, document types and settings — and the proof that he did: the change is
// signed with his key (Ed25519; the private key sealed by his password, the public key in his
// user row). Every desktop and the server check the proof before they apply the change, so a
// sync device's token alone cannot make anyone admin (docs/ARCHITECTURE.md, "Signed authority").
import type { Role } from '../domain/enums.js';
import { canonicalJson } from './canonicalJson.js';

type Fields = Record<string, unknown>;

/** Columns any PC writes for itself (lockout bookkeeping): no authority behind them. */
const FREE: Record<string, ReadonlySet<string>> = {
  users: new Set(['failed_logins', 'locked_until', 'updated_at']),
};

/** A user's own key, introduced at his first login where none was set (older offices). */
const KEY_FIELDS = new Set(['public_key', 'sealed_key', 'updated_at']);

export const AUTHORITY_TABLES: ReadonlySet<string> = new Set(['users', 'departments', 'units', 'register_books', 'doc_types', 'settings']);

/**
 * The roles one of which the signer must hold (admin always may), or null when the change needs
 * no signature. Mirrors who may call the ordinary methods that make such changes.
 */
export function authorityFor(table: string, rowId: string, fields: Fields): readonly Role[] | null {
  if (!AUTHORITY_TABLES.has(table)) return null;
  const free = FREE[table];
  const names = Object.keys(fields).filter((f) => f !== 'hlc');
  if (free && names.every((f) => free.has(f))) return null;
  if (table === 'register_books') {
    // Printing a register marks its book printed, whoever prints; books are opened by registering.
    return names.every((f) => f === 'printed_at' || f === 'updated_at') ? ['clerk', 'leader', 'archivist'] : ['clerk'];
  }
  if (table === 'settings' && (rowId === 'symbols' || rowId.startsWith('symbols.') || rowId.startsWith('outgoing.'))) return ['clerk'];
  return ['admin'];
}

/** What a signature covers: the change's identity and content, not its clock (a fast clock is restamped). */
export function signedPayload(change: { changeId: string; table: string; rowId: string; fields: Fields }, signedBy: string): string {
  const fields: Fields = { ...change.fields };
  delete fields.hlc;
  return canonicalJson({ v: 1, changeId: change.changeId, table: change.table, rowId: change.rowId, fields, signedBy });
}

/** What the checker knows of a signer: his row as this side holds it. */
export interface SignerRow {
  roles: readonly Role[];
  active: boolean;
  publicKey: string | null;
}

export interface AuthorityContext {
  /** The unit's pinned root (its first admin's key), or null while none is known. */
  rootKey: string | null;
  /** The signer's row as held now (changes already accepted included), or null. */
  signer(userId: string): SignerRow | null;
  /** Ed25519 over the payload, keys as SPKI base64: each side brings its own crypto. */
  verify(publicKey: string, payload: string, signature: string): boolean;
}

export interface SignedChange {
  changeId: string;
  table: string;
  rowId: string;
  fields: Fields;
  signedBy?: string | null | undefined;
  signature?: string | null | undefined;
}

/** Null when the change may be applied; otherwise why not, in Vietnamese (shown where it is set aside). */
export function authorityRefusal(change: SignedChange, ctx: AuthorityContext): string | null {
  const roles = authorityFor(change.table, change.rowId, change.fields);
  if (!roles) return null;
  const { signedBy, signature } = change;
  if (!signedBy || !signature) return 'Thay đổi dữ liệu quản trị không có chữ ký của người có quyền.';
  const payload = signedPayload(change, signedBy);
  const signer = ctx.signer(signedBy);
  const newKey = typeof change.fields.public_key === 'string' ? change.fields.public_key : null;
  // A user introducing his own key: the office's first admin (the pinned root), or a user who had none.
  if (change.table === 'users' && change.rowId === signedBy && newKey) {
    const names = Object.keys(change.fields).filter((f) => f !== 'hlc');
    const isRoot = ctx.rootKey !== null && newKey === ctx.rootKey && !signer;
    const firstKey = signer !== null && signer.publicKey === null && names.every((f) => KEY_FIELDS.has(f));
    if ((isRoot || firstKey) && ctx.verify(newKey, payload, signature)) return null;
  }
  if (!signer?.publicKey) return 'Người ký thay đổi này không có trong đơn vị hoặc chưa có khóa ký.';
  if (!ctx.verify(signer.publicKey, payload, signature)) return 'Chữ ký của thay đổi không đúng.';
  if (!signer.active) return 'Người ký thay đổi này đã ngừng sử dụng.';
  if (!signer.roles.includes('admin') && !roles.some((r) => signer.roles.includes(r)))
    return 'Người ký không có quyền thay đổi dữ liệu này.';
  return null;
}

/** A users row's roles as stored (a JSON array in a text column). */
export function rolesOf(value: unknown): Role[] {
  if (typeof value !== 'string') return [];
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? (parsed.filter((r) => typeof r === 'string') as Role[]) : [];
  } catch {
    return [];
  }
}
