// Who may sign a document's file, and in which capacity (Decree 30/2020): its signer, as the
// register names him, as the authority (ký số của người có thẩm quyền); the văn thư for the office
// (ký số của cơ quan) on an issued document, or on an incoming one's dấu ĐẾN copy (ký số dấu
// đến). The backend refuses by this rule and the sign dialog offers by it.
import type { Role } from './enums.js';

export type SignCapacity = 'leader' | 'office' | 'arrival';

/** A person's name as the register and the page write it, compared without case or spacing differences. */
export const nameKey = (s: string | null | undefined) => (s ?? '').normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

export function signingCapacities(
  who: { roles: readonly Role[]; fullName: string },
  doc: { kind: 'incoming' | 'outgoing'; signerName: string | null },
): SignCapacity[] {
  if (doc.kind === 'incoming') return who.roles.includes('clerk') ? ['arrival'] : [];
  const out: SignCapacity[] = [];
  if (who.roles.includes('leader') && nameKey(who.fullName) === nameKey(doc.signerName)) out.push('leader');
  if (who.roles.includes('clerk')) out.push('office');
  return out;
}
