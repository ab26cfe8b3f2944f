// Who may call a method: the contract's `access`, read here and nowhere else. The backend's gate
// refuses by it; the UI shows or hides an action by the same answer.
import type { Role } from '../domain/enums.js';
import { contract, type Access, type MethodName } from './contract.js';

export interface Caller {
  roles: readonly Role[];
}

/** Whether `access` lets this caller in (null: nobody is logged in). Admin may call every role's method. */
export function accessAllows(access: Access, caller: Caller | null): boolean {
  if (access === 'public') return true;
  if (!caller) return false;
  return access === 'user' || caller.roles.includes('admin') || access.some((r) => caller.roles.includes(r));
}

/** Whether this caller may call `method` at all (the document, task or dossier may still refuse him). */
export function mayCall(caller: Caller | null, method: MethodName): boolean {
  return accessAllows(contract[method].access, caller);
}
