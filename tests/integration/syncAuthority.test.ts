// A sync device is not an admin (#14 finding 2): a raw client with a real device token tries to
// make itself admin, reset the admin's password and change the office's settings. The server sets
// each such change aside, naming it; a desktop applies none even if a server passed it on; while
// the office's own signed changes — a user the admin creates, a book the văn thư closes — reach a
// PC that joins afterwards.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../db/admin/password.js';
import { applyPulledPage } from '../../db/sync/apply.js';
import { SyncHttp } from '../../electron/sync/syncHttp.js';
import { signedPayload } from '../../shared/sync/authority.js';
import type { Change, PulledChange } from '../../shared/sync/protocol.js';
import { Caller, PASSWORD } from '../helpers/office.js';
import { firstDesktop, joinDesktop, type Desktop } from '../helpers/syncDesktops.js';
import { serverKinds, startSyncServer, type TestServer } from '../helpers/syncServer.js';

const id = (seed: string) => {
  const h = createHash('sha1').update(seed).digest('hex');
  return `0193${h.slice(0, 4)}-${h.slice(4, 8)}-7${h.slice(9, 12)}-8${h.slice(13, 16)}-${h.slice(16, 28)}`;
};
const hlcNow = (n = 0) => `${new Date(Date.now() + n).toISOString()}-0000-beefbeefbeefbeef`;

/** A key the attacker made himself, and a change signed with it under any name he likes. */
const attackerKey = generateKeyPairSync('ed25519');
const attackerPublic = attackerKey.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
function signedAs(change: Omit<Change, 'signedBy' | 'signature'>, by: string): Change {
  const signature = sign(null, Buffer.from(signedPayload(change, by)), attackerKey.privateKey).toString('base64');
  return { ...change, signedBy: by, signature };
}

async function canLogIn(d: Desktop, username: string, password: string): Promise<boolean> {
  return (await new Caller(d.backend).raw('auth.login', { username, password })).ok;
}

describe.each(serverKinds())('a raw device against the office’s authority, on %s', (kind) => {
  let server: TestServer;
  let raw: SyncHttp;
  let a: Desktop;
  let adminId = '';
  let unitId = '';
  const refusedIds: string[] = [];

  beforeAll(async () => {
    server = await startSyncServer(kind);
    a = await firstDesktop(server.url, await server.code('SGD-HT'));
    const enrolled = await new SyncHttp(server.url).enroll({ code: await server.code('SGD-HT'), deviceName: 'Máy lạ', hasData: false });
    raw = new SyncHttp(server.url, enrolled.token);
    const admin = a.t.store.sqlite.prepare("SELECT id, unit_id FROM users WHERE username = 'quantri'").get() as {
      id: string;
      unit_id: string;
    };
    adminId = admin.id;
    unitId = admin.unit_id;
  }, 60_000);
  afterAll(async () => {
    await a?.cleanup();
    await server?.close();
  });

  it('cannot make itself admin, reset the admin’s password or change settings: each change refused by name', async () => {
    const hash = await hashPassword('ke-gian-12345');
    const attackerId = id(`attacker-${kind}`);
    const user = {
      unit_id: unitId,
      username: 'kegian',
      full_name: 'Kẻ gian',
      password_hash: hash,
      roles: '["admin"]',
      active: true,
      failed_logins: 0,
      public_key: attackerPublic,
    };
    const attempts: Change[] = [
      // Unsigned.
      { changeId: id(`c1-${kind}`), hlc: hlcNow(), table: 'users', rowId: attackerId, fields: user },
      // Signed by a key of his own, as a new user introducing himself (only the office's root may).
      signedAs({ changeId: id(`c2-${kind}`), hlc: hlcNow(1), table: 'users', rowId: attackerId, fields: user }, attackerId),
      // The admin's password, "signed by the admin" with the wrong key.
      signedAs({ changeId: id(`c3-${kind}`), hlc: hlcNow(2), table: 'users', rowId: adminId, fields: { password_hash: hash } }, adminId),
      // A role for the văn thư, unsigned; a department; the office's attachment limit.
      {
        changeId: id(`c4-${kind}`),
        hlc: hlcNow(3),
        table: 'users',
        rowId: a.t.store.sqlite.prepare("SELECT id FROM users WHERE username = 'vanthu'").pluck().get() as string,
        fields: { roles: '["admin","clerk"]' },
      },
      {
        changeId: id(`c5-${kind}`),
        hlc: hlcNow(4),
        table: 'departments',
        rowId: id(`d-${kind}`),
        fields: { unit_id: unitId, name: 'Phòng ma', code: null },
      },
      {
        changeId: id(`c6-${kind}`),
        hlc: hlcNow(5),
        table: 'settings',
        rowId: 'attachments.maxBytes',
        fields: { key: 'attachments.maxBytes', value: '1' },
      },
    ];
    const answer = await raw.push(attempts);
    expect(answer.refused.map((r) => r.changeId).sort()).toEqual(attempts.map((c) => c.changeId).sort());
    for (const r of answer.refused) expect(r.reason).toMatch(/chữ ký|khóa ký|quyền/i);
    expect(answer.held).toEqual([]);
    refusedIds.push(...attempts.map((c) => c.changeId));
    // The office's PC syncs: nothing of it arrived.
    expect((await a.sync()).lastError).toBeNull();
    expect(await canLogIn(a, 'kegian', 'ke-gian-12345')).toBe(false);
    expect(await canLogIn(a, 'quantri', 'ke-gian-12345')).toBe(false);
    expect(await canLogIn(a, 'quantri', PASSWORD)).toBe(true);
    expect((await a.admin.ok('departments.list')).some((d) => d.name === 'Phòng ma')).toBe(false);
    expect((await a.admin.ok('settings.office')).attachmentsMaxMb).toBeGreaterThan(1);
  });

  it('a desktop applies none of it even when a server passes it on', async () => {
    const forged: PulledChange[] = [
      {
        seq: 1_000_001,
        changeId: id(`p1-${kind}`),
        deviceId: 'khac',
        hlc: hlcNow(10),
        table: 'users',
        rowId: adminId,
        fields: { password_hash: await hashPassword('ke-gian-12345') },
      },
      {
        seq: 1_000_002,
        ...signedAs(
          { changeId: id(`p2-${kind}`), hlc: hlcNow(11), table: 'users', rowId: adminId, fields: { roles: '["admin"]', active: false } },
          adminId,
        ),
        deviceId: 'khac',
      },
    ];
    const result = applyPulledPage(a.backend.store, forged, 0);
    expect(result).toMatchObject({ applied: 0, skipped: 2 });
    expect(await canLogIn(a, 'quantri', PASSWORD)).toBe(true);
    const refusedEvents = a.t.store.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'sync.refused'").pluck().get() as number;
    expect(refusedEvents).toBeGreaterThanOrEqual(2);
  });

  it('the office’s own signed changes still reach a PC that joins: a new user, a closed book', async () => {
    await a.admin.ok('users.create', { username: 'moi', fullName: 'Người mới', password: PASSWORD, roles: ['specialist'] });
    const book = (await a.clerk.ok('books.list', { kind: 'incoming' }))[0]!;
    // A book closes once printed: both marks are the văn thư's signed changes.
    const printed = await a.backend.call({ token: a.clerk.token, transport: 'ipc' }, 'registers.print', {
      kind: 'incoming',
      bookId: book.id,
    });
    expect(printed.result.ok).toBe(true);
    await a.clerk.ok('books.close', { id: book.id });
    expect((await a.sync()).lastError).toBeNull();
    const aside = a.t.store.sqlite.prepare("SELECT table_name, fields, sent_at FROM outbox WHERE sent_at LIKE 'refused:%'").all();
    expect(aside).toEqual([]);
    expect(a.backend.sync.status().setAside).toBe(0);
    const b = await joinDesktop('B', server.url, await server.code('SGD-HT'));
    try {
      expect(await canLogIn(b, 'moi', PASSWORD)).toBe(true);
      expect(await canLogIn(b, 'kegian', 'ke-gian-12345')).toBe(false);
      expect((await b.clerk.ok('books.list', { kind: 'incoming' })).find((x) => x.id === book.id)?.closed).toBe(true);
      // And B's admin signs on B: his change reaches A.
      await b.admin.ok('departments.create', { name: 'Phòng Khảo thí', code: 'KT' });
      expect((await b.sync()).lastError).toBeNull();
      expect((await a.sync()).lastError).toBeNull();
      expect((await a.admin.ok('departments.list')).some((d) => d.name === 'Phòng Khảo thí')).toBe(true);
    } finally {
      await b.cleanup();
    }
  }, 60_000);
});
