// The handlers over a real temp SQLite file: a clerk's day, and every refusal a user can meet.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/core/audit.js';
import { SAMPLE, setUpOffice, type Office } from '../helpers/office.js';

let office: Office;
beforeEach(async () => {
  office = await setUpOffice();
});
afterEach(() => office.cleanup());

function rowCounts() {
  const q = (t: string) => (office.t.store.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return { documents: q('documents'), agencies: q('agencies'), outbox: q('outbox'), audit: q('audit_log') };
}

const REFUSED = 'Sai tên đăng nhập hoặc mật khẩu. Sau 5 lần sai liên tiếp, tài khoản tạm khóa 15 phút.';
describe('first run and login', () => {
  it('reports the store as set up and refuses a second setup', async () => {
    expect(await office.anon.ok('setup.status')).toEqual({ initialized: true, preset: null, join: null });
    const err = await office.anon.fail('setup.initialize', {
      unitName: 'Khác',
      unitCode: 'X',
      adminUsername: 'hacker',
      adminPassword: 'matkhau-99999',
      adminFullName: 'Kẻ lạ',
    });
    expect(err.code).toBe('ALREADY_INITIALIZED');
  });

  it('seeds the document types and this year’s incoming book', async () => {
    const types = await office.clerk.ok('docTypes.list');
    expect(types.find((t) => t.code === 'CV')?.name).toBe('Công văn');
    expect(types.find((t) => t.code === 'QĐ')?.name).toBe('Quyết định');
    expect(types.length).toBeGreaterThanOrEqual(29);
    const books = await office.clerk.ok('books.list', { kind: 'incoming' });
    const year = new Date().getFullYear();
    expect(books.map((b) => b.name)).toContain(`Sổ văn bản đến ${year}`);
  });

  it('locks an account after five wrong passwords, for fifteen minutes', async () => {
    const c = office.caller();
    for (let i = 1; i <= 5; i++) {
      const e = await c.fail('auth.login', { username: 'vanthu', password: 'sai-mat-khau' });
      expect(e).toEqual({ code: 'UNAUTHENTICATED', message: REFUSED });
    }
    const row = office.t.store.sqlite.prepare("SELECT locked_until FROM users WHERE username = 'vanthu'").get() as { locked_until: string };
    expect(new Date(row.locked_until).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    // Even the right password is refused while locked — in the same words, so they tell nothing.
    expect(await c.fail('auth.login', { username: 'vanthu', password: 'matkhau-12345' })).toEqual({
      code: 'UNAUTHENTICATED',
      message: REFUSED,
    });
  });

  it('counts tries sent at once as many as they are: a burst never slips the right password in', async () => {
    // 40 tries at the same moment, the right password among them (#14 finding 6).
    const tries = Array.from({ length: 40 }, (_, i) => ({ username: 'lanhdao', password: i === 20 ? 'matkhau-12345' : `doan-${i}` }));
    const answers = await Promise.all(tries.map((t) => office.caller().raw('auth.login', t)));
    expect(answers.filter((a) => a.ok)).toHaveLength(0);
    // At most five reached the password check (each wrong one is counted in the audit log).
    const leaderId = (office.t.store.sqlite.prepare("SELECT id FROM users WHERE username = 'lanhdao'").get() as { id: string }).id;
    const checked = office.t.store.sqlite
      .prepare(
        "SELECT count(*) AS n FROM audit_log WHERE row_id = ? AND action = 'auth.fail' AND table_name = 'users' AND data LIKE '%failed_logins%'",
      )
      .get(leaderId) as { n: number };
    expect(checked.n).toBeLessThanOrEqual(4);
    expect((await office.caller().fail('auth.login', { username: 'lanhdao', password: 'matkhau-12345' })).message).toBe(REFUSED);
  });

  it('says the same, in the same words, for an unknown user, a wrong password, a locked and a stopped account', async () => {
    await office.admin.ok('users.create', {
      username: 'dung',
      fullName: 'Người đã nghỉ',
      password: 'matkhau-12345',
      roles: ['specialist'],
    });
    const stoppedId = (await office.admin.ok('users.list')).find((u) => u.username === 'dung')!.id;
    await office.admin.ok('users.update', { id: stoppedId, active: false });
    const answers = [
      await office.caller().fail('auth.login', { username: 'khongco', password: 'x' }),
      await office.caller().fail('auth.login', { username: 'chuyenvien', password: 'sai' }),
      await office.caller().fail('auth.login', { username: 'vanthu', password: 'sai' }), // locked above
      await office.caller().fail('auth.login', { username: 'dung', password: 'sai' }),
    ];
    for (const a of answers) expect(a).toEqual({ code: 'UNAUTHENTICATED', message: REFUSED });
    // Only the right password learns that its account was stopped.
    expect((await office.caller().fail('auth.login', { username: 'dung', password: 'matkhau-12345' })).message).toMatch(/ngừng sử dụng/);
  });

  it('logs out, after which the session is gone', async () => {
    await office.clerk.ok('auth.logout');
    expect((await office.clerk.fail('incoming.list')).code).toBe('UNAUTHENTICATED');
  });
});

describe('registering incoming documents', () => {
  it('gives số đến 1, 2, 3 and finds them without diacritics', async () => {
    const a = await office.clerk.ok('incoming.register', { ...SAMPLE });
    const b = await office.clerk.ok('incoming.register', {
      agency: 'Sở Giáo dục và Đào tạo Hà Nội',
      code: '123/SGDĐT-VP',
      type: 'CV',
      issuedDate: '2026-03-03',
      summary: 'Về việc bồi dưỡng, đào tạo giáo viên cốt cán',
    });
    const c = await office.clerk.ok('incoming.register', {
      agency: 'UBND xã Hàm Yên',
      code: '45/QĐ-UBND',
      type: 'QĐ',
      issuedDate: '2026-03-04',
      summary: 'Quyết định khen thưởng học sinh giỏi',
      urgency: 'khan',
    });
    expect([a.number, b.number, c.number]).toEqual([1, 2, 3]);
    expect(b.typeName).toBe('Công văn');

    const find = async (q: string) => (await office.leader.ok('incoming.list', { q })).items.map((d) => d.number);
    expect(await find('ke hoach')).toEqual([1]);
    expect(await find('dao tao giao vien')).toEqual([2]);
    expect(await find('142/kh-bgddt')).toEqual([1]);
    expect(await find('ham yen')).toEqual([3]);
    expect(await find('KẾ HOẠCH'.normalize('NFD'))).toEqual([1]);
    expect(await find('boi du')).toEqual([2]); // prefix while typing
    expect(await find('"); DROP TABLE documents; --')).toEqual([]);
    expect(await find('AND OR NEAR * ^ ( )')).toEqual([]);
  });

  it('refuses the same organ + code in the same year, with the existing number, unless confirmed', async () => {
    await office.clerk.ok('incoming.register', { ...SAMPLE });
    const before = rowCounts();
    const dup = await office.clerk.fail('incoming.register', {
      ...SAMPLE,
      agency: 'bộ giáo dục và đào tạo ',
      code: '142 / kh-bgdđt',
    });
    expect(dup.code).toBe('DUPLICATE');
    expect(dup.details?.existingNumber).toBe(1);
    expect(dup.message).toContain('số đến 1/');
    expect(rowCounts()).toEqual(before);
    const again = await office.clerk.ok('incoming.register', { ...SAMPLE, confirmDuplicate: true });
    expect(again.number).toBe(2);
  });

  it('catches a duplicate made by an edit, too', async () => {
    await office.clerk.ok('incoming.register', { ...SAMPLE });
    const other = await office.clerk.ok('incoming.register', { ...SAMPLE, agency: 'Sở Giáo dục và Đào tạo Hà Nội' });
    const err = await office.clerk.fail('incoming.update', { id: other.id, agency: 'Bộ Giáo dục và Đào tạo' });
    expect(err.code).toBe('DUPLICATE');
    expect(err.details?.existingNumber).toBe(1);
    expect((await office.clerk.ok('incoming.get', { id: other.id })).agencyName).toBe('Sở Giáo dục và Đào tạo Hà Nội');
    const forced = await office.clerk.ok('incoming.update', { id: other.id, agency: 'Bộ Giáo dục và Đào tạo', confirmDuplicate: true });
    expect(forced.agencyName).toBe('Bộ Giáo dục và Đào tạo');
  });

  it('keeps a document in its year: no moving the arrival date across 1 January', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE, issuedDate: '2025-12-01', receivedAt: '2026-01-03T02:00:00Z' });
    const err = await office.clerk.fail('incoming.update', { id: doc.id, receivedAt: '2025-12-30T02:00:00Z' });
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toContain('thuộc năm 2026');
  });

  it('pages the register by keyset, newest number first', async () => {
    for (let i = 1; i <= 25; i++) {
      await office.clerk.ok('incoming.register', { ...SAMPLE, code: `${i}/CV-SGDĐT`, type: 'CV' });
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { number: number }[]; nextCursor: string | null } = await office.clerk.ok('incoming.list', {
        limit: 10,
        cursor,
      });
      seen.push(...page.items.map((d) => d.number));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => 25 - i));
  });

  it('filters by type, agency, urgency and received dates', async () => {
    await office.clerk.ok('incoming.register', { ...SAMPLE });
    await office.clerk.ok('incoming.register', { ...SAMPLE, code: '9/GM-SGDĐT', type: 'GM', agency: 'Sở GD&ĐT', urgency: 'hoa_toc' });
    expect((await office.clerk.ok('incoming.list', { type: 'GM' })).items.map((d) => d.code)).toEqual(['9/GM-SGDĐT']);
    expect((await office.clerk.ok('incoming.list', { agency: 'bo giao duc va dao tao' })).items.map((d) => d.number)).toEqual([1]);
    expect((await office.clerk.ok('incoming.list', { urgency: 'hoa_toc' })).items.map((d) => d.number)).toEqual([2]);
    expect((await office.clerk.ok('incoming.list', { to: '2000-01-01' })).items).toEqual([]);
  });

  it('updates and cancels with audit; a cancelled number stays used', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE });
    const upd = await office.clerk.ok('incoming.update', { id: doc.id, summary: 'Kế hoạch đã sửa', pages: 4 });
    expect(upd.summary).toBe('Kế hoạch đã sửa');
    expect(upd.pages).toBe(4);
    const cancelled = await office.clerk.ok('incoming.cancel', { id: doc.id, reason: 'Vào nhầm sổ' });
    expect(cancelled.cancelled).toBe(true);
    const next = await office.clerk.ok('incoming.register', { ...SAMPLE, code: '200/KH-BGDĐT' });
    expect(next.number).toBe(2);
    const actions = office.t.store.sqlite
      .prepare("SELECT action FROM audit_log WHERE table_name = 'documents' AND row_id = ? ORDER BY seq")
      .all(doc.id)
      .map((r) => (r as { action: string }).action);
    expect(actions).toEqual(['insert', 'update', 'delete']);
    expect(verifyAudit(office.t.store.sqlite).ok).toBe(true);
    expect((await office.clerk.fail('incoming.update', { id: doc.id, summary: 'x' })).code).toBe('CONFLICT');
  });

  it('writes each registration to the outbox with an HLC and the changed fields', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE });
    const row = office.t.store.sqlite.prepare("SELECT * FROM outbox WHERE table_name = 'documents' AND row_id = ?").get(doc.id) as {
      change_id: string;
      hlc: string;
      fields: string;
    };
    expect(row.change_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(row.hlc).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z-[0-9a-f]{4}-[0-9a-f]{16}$/);
    const fields = JSON.parse(row.fields) as Record<string, unknown>;
    expect(fields.code).toBe('142/KH-BGDĐT');
    expect(fields.number).toBe(1);
    expect(fields).not.toHaveProperty('search_text');
  });
});

describe('bad input gets a clear Vietnamese message and writes nothing', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['a missing summary', { summary: undefined }, 'summary', /Chưa nhập trích yếu/],
    ['an empty agency', { agency: '   ' }, 'agency', /Chưa nhập cơ quan ban hành/],
    ['31/02/2026', { issuedDate: '2026-02-31' }, 'issuedDate', /không phải ngày có thật/],
    ['a date in another format', { issuedDate: '02/03/2026' }, 'issuedDate', /không phải ngày có thật/],
    ['received before issued', { issuedDate: '2026-03-10', receivedAt: '2026-03-05T02:00:00Z' }, 'issuedDate', /không thể sau ngày đến/],
    ['a 10,000-character summary', { summary: 'x'.repeat(10_000) }, 'summary', /dài quá 500 ký tự/],
    ['an unknown type', { type: 'XYZ' }, 'type', /chưa có trong danh mục/],
    ['a wrong urgency', { urgency: 'gap' }, 'urgency', /Thường, Khẩn, Thượng khẩn, Hỏa tốc/],
    ['a number as summary', { summary: 42 }, 'summary', /phải là văn bản/],
    ['a deadline before issue', { deadline: '2026-01-01' }, 'deadline', /trước ngày văn bản/],
    ['an arrival in the future', { receivedAt: '2099-01-01T00:00:00Z' }, 'receivedAt', /tương lai/],
  ];
  for (const [name, change, field, message] of cases) {
    it(name, async () => {
      const before = rowCounts();
      const err = await office.clerk.fail('incoming.register', { ...SAMPLE, ...change });
      expect(err.code).toBe('VALIDATION');
      expect(err.field).toBe(field);
      expect(err.message).toMatch(message);
      expect(rowCounts()).toEqual(before);
    });
  }

  it('keeps HTML and script as text', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE, summary: '<script>alert("x")</script><b>đậm</b>' });
    expect((await office.clerk.ok('incoming.get', { id: doc.id })).summary).toBe('<script>alert("x")</script><b>đậm</b>');
  });

  it('stores NFD input as NFC', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE, summary: 'Kế hoạch Nội dung'.normalize('NFD') });
    expect(doc.summary).toBe('Kế hoạch Nội dung'.normalize('NFC'));
  });

  it('refuses an unknown method', async () => {
    expect((await office.clerk.fail('incoming.drop', {})).code).toBe('UNKNOWN_METHOD');
    expect((await office.clerk.fail('__proto__', {})).code).toBe('UNKNOWN_METHOD');
  });
});

describe('roles are checked in the backend', () => {
  it('refuses registration to a leader and a specialist, and everything to a stranger', async () => {
    const before = rowCounts();
    for (const c of [office.leader, office.specialist]) {
      const e = await c.fail('incoming.register', { ...SAMPLE });
      expect(e.code).toBe('FORBIDDEN');
      expect(e.message).toBe('Tài khoản của bạn không có quyền làm việc này.');
    }
    expect((await office.anon.fail('incoming.list')).code).toBe('UNAUTHENTICATED');
    expect(rowCounts()).toEqual(before);
  });

  it('lets only the admin manage users and departments', async () => {
    expect((await office.clerk.fail('users.list')).code).toBe('FORBIDDEN');
    expect((await office.clerk.fail('departments.create', { name: 'Tổ chức' })).code).toBe('FORBIDDEN');
    const dep = await office.admin.ok('departments.create', { name: 'Phòng Tổ chức cán bộ', code: 'TCCB' });
    const users = await office.admin.ok('users.list');
    const spec = users.find((u) => u.username === 'chuyenvien')!;
    await office.admin.ok('users.update', { id: spec.id, departmentId: dep.id });
    expect((await office.admin.fail('departments.delete', { id: dep.id })).code).toBe('CONFLICT');
  });

  it('applies a role change at once, without a new login', async () => {
    const users = await office.admin.ok('users.list');
    const leader = users.find((u) => u.username === 'lanhdao')!;
    await office.admin.ok('users.update', { id: leader.id, roles: ['leader', 'clerk'] });
    expect((await office.leader.ok('incoming.register', { ...SAMPLE })).number).toBe(1);
    await office.admin.ok('users.update', { id: leader.id, active: false });
    expect((await office.leader.fail('incoming.list')).code).toBe('UNAUTHENTICATED');
  });
});
