// The conflicts list against a curious or hostile user (#14 finding 2): it never shows a
// password hash, shows the office's users and settings only to the admin, and a lost value is put
// back only by someone who may edit it through the ordinary methods.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../helpers/office.js';
import { firstDesktop, joinDesktop, type Desktop } from '../helpers/syncDesktops.js';
import { startSyncServer, type TestServer } from '../helpers/syncServer.js';
import { SAMPLE } from '../helpers/office.js';

let server: TestServer;
let a: Desktop;
let b: Desktop;

interface ConflictRow {
  seq: number;
  table_name: string;
  field: string;
}

function conflictsIn(d: Desktop): ConflictRow[] {
  return d.t.store.sqlite.prepare('SELECT seq, table_name, field FROM sync_conflicts WHERE resolved_at IS NULL').all() as ConflictRow[];
}

beforeAll(async () => {
  server = await startSyncServer();
  a = await firstDesktop(server.url, await server.code('SGD-HT'));
  b = await joinDesktop('B', server.url, await server.code('SGD-HT'));
  // Both admins, each offline, reset the văn thư's password and rename him; one of each pair loses.
  const clerkId = (await a.admin.ok('users.list')).find((u) => u.username === 'vanthu')!.id;
  await a.admin.ok('users.update', { id: clerkId, password: 'mat-khau-may-a-1', fullName: 'Văn thư A' });
  await b.admin.ok('users.update', { id: clerkId, password: 'mat-khau-may-b-1', fullName: 'Văn thư B' });
  const doc = await a.clerk.ok('incoming.register', SAMPLE).catch(async () => {
    // The văn thư's session ended with the password change: log in again.
    await a.clerk.ok('auth.login', { username: 'vanthu', password: 'mat-khau-may-a-1' });
    return a.clerk.ok('incoming.register', SAMPLE);
  });
  expect(doc.id).toBeTruthy();
  for (const d of [a, b, a, b]) expect((await d.sync()).lastError).toBeNull();
}, 90_000);
afterAll(async () => {
  await b?.cleanup();
  await a?.cleanup();
  await server?.close();
});

describe('sync conflicts', () => {
  it('are kept for the password and the name of the user both PCs changed', () => {
    const all = [...conflictsIn(a), ...conflictsIn(b)];
    expect(all.some((c) => c.table_name === 'users' && c.field === 'password_hash')).toBe(true);
    expect(all.some((c) => c.table_name === 'users' && c.field === 'full_name')).toBe(true);
  });

  it('never show a password hash, not even to the admin; users are the admin’s to see', async () => {
    for (const d of [a, b]) {
      await d.clerk.ok('auth.login', { username: 'vanthu', password: d === a ? 'mat-khau-may-a-1' : 'mat-khau-may-b-1' }).catch(() => null);
      const asAdmin = await d.admin.ok('sync.conflicts');
      expect(JSON.stringify(asAdmin)).not.toMatch(/scrypt\$/);
      expect(asAdmin.some((c) => c.field === 'password_hash')).toBe(false);
    }
    const owner = conflictsIn(a).some((c) => c.field === 'full_name') ? a : b;
    expect((await owner.admin.ok('sync.conflicts')).some((c) => c.table === 'users' && c.field === 'full_name')).toBe(true);
  });

  it('a văn thư cannot restore a user’s lost password or name, even knowing the conflict’s number', async () => {
    const owner = conflictsIn(a).some((c) => c.field === 'password_hash') ? a : b;
    const password = conflictsIn(owner).find((c) => c.field === 'password_hash')!;
    // Whichever password won, the văn thư of this PC logs in with it.
    const clerk = owner.clerk;
    for (const p of ['mat-khau-may-a-1', 'mat-khau-may-b-1', PASSWORD]) {
      if ((await clerk.raw('auth.login', { username: 'vanthu', password: p })).ok) break;
    }
    expect((await clerk.ok('sync.conflicts')).some((c) => c.table === 'users')).toBe(false);
    const before = owner.t.store.sqlite.prepare("SELECT password_hash AS h FROM users WHERE username = 'quantri'").get();
    for (const c of conflictsIn(owner).filter((x) => x.table_name === 'users')) {
      expect((await clerk.fail('sync.restoreConflict', { id: c.seq })).code).toBe('FORBIDDEN');
      expect((await clerk.fail('sync.dismissConflict', { id: c.seq })).code).toBe('FORBIDDEN');
    }
    expect(owner.t.store.sqlite.prepare("SELECT password_hash AS h FROM users WHERE username = 'quantri'").get()).toEqual(before);
    // The admin may not restore a hash either: a password is set anew, never put back.
    expect((await owner.admin.fail('sync.restoreConflict', { id: password.seq })).code).toBe('FORBIDDEN');
  });
});
