// One home for who may call what: every method of the contract, called by nobody and by each
// role through the backend's gate, is let in exactly when `mayCall` (what the UI shows by) says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayCall } from '../../shared/api/access.js';
import { contract, type MethodName } from '../../shared/api/contract.js';
import { ROLES, type Role } from '../../shared/domain/enums.js';
import { Caller, PASSWORD, setUpOffice, type Office } from '../helpers/office.js';

let office: Office;
const callers = new Map<Role, Caller>();
beforeAll(async () => {
  office = await setUpOffice();
  for (const role of ROLES) {
    const username = `vai-tro-${role}`;
    await office.admin.ok('users.create', { username, fullName: `Người ${role}`, password: PASSWORD, roles: [role] });
    const c = office.caller();
    await c.ok('auth.login', { username, password: PASSWORD });
    callers.set(role, c);
  }
});
afterAll(() => office.cleanup());

// Methods that end the caller's session or the office's setup are called last.
const rank = (m: string) => (m === 'auth.logout' ? 2 : m === 'sync.disconnect' || m === 'backup.restore' ? 1 : 0);
const methods = (Object.keys(contract) as MethodName[]).sort((a, b) => rank(a) - rank(b));
const refused = (code: string) => code === 'FORBIDDEN' || code === 'UNAUTHENTICATED';

describe('the contract’s access, through the gate', () => {
  it('lets nobody in where mayCall(null) says no', async () => {
    for (const method of methods) {
      const r = (await office.backend.call({ token: null, transport: 'ipc' }, method, {})).result;
      const let_in = r.ok || !refused(r.error.code);
      expect(let_in, `${method} for nobody`).toBe(mayCall(null, method));
    }
  });

  for (const role of ROLES) {
    it(`lets a ${role} in exactly where mayCall says`, async () => {
      const caller = callers.get(role)!;
      for (const method of methods) {
        // Through the window's door, which opens every method (the transport is another check).
        const out = await office.backend.call({ token: caller.token, transport: 'ipc' }, method, {});
        const r = out.result;
        const let_in = r.ok || !refused(r.error.code);
        expect(let_in, `${method} for ${role}: ${r.ok ? 'ok' : r.error.code}`).toBe(mayCall({ roles: [role] }, method));
      }
    });
  }
});
