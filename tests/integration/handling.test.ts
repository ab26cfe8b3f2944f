// An incoming document's life in the office: attach, stamp, submit, assign, handle, complete —
// and every step refused to whoever may not take it.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSetting } from '../../db/core/settings.js';
import { manualClock } from '../helpers/tempStore.js';
import { Caller, PASSWORD, SAMPLE, setUpOffice, type Office } from '../helpers/office.js';
import { samplePdf } from '../helpers/pdfFixtures.js';
import { findRedInk, pdftotext, hasPoppler } from '../helpers/pdfText.js';
import { mayActOnTask } from '../../shared/domain/taskRules.js';

let office: Office;
let clock: ReturnType<typeof manualClock>;
let ids: {
  depToan: string;
  depVp: string;
  leader: string;
  specialist: string;
  other: string;
  unitLeader: Caller;
  unitLeaderId: string;
  other2: Caller;
};

beforeEach(async () => {
  clock = manualClock('2026-11-23T02:00:00Z'); // Monday 09:00 in Hà Nội
  office = await setUpOffice({ now: clock.now });
  const depToan = await office.admin.ok('departments.create', { name: 'Tổ Toán', code: 'TOAN' });
  const depVp = await office.admin.ok('departments.create', { name: 'Văn phòng', code: 'VP' });
  const users = await office.admin.ok('users.list');
  const find = (u: string) => users.find((x) => x.username === u)!.id;
  await office.admin.ok('users.update', { id: find('chuyenvien'), departmentId: depToan.id });
  await office.admin.ok('users.create', {
    username: 'totruong',
    fullName: 'Tổ trưởng Toán',
    password: PASSWORD,
    roles: ['leader'],
    departmentId: depToan.id,
  });
  await office.admin.ok('users.create', {
    username: 'khac',
    fullName: 'Người phòng khác',
    password: PASSWORD,
    roles: ['specialist'],
    departmentId: depVp.id,
  });
  const unitLeader = office.caller();
  await unitLeader.ok('auth.login', { username: 'totruong', password: PASSWORD });
  const other2 = office.caller();
  await other2.ok('auth.login', { username: 'khac', password: PASSWORD });
  const all = await office.admin.ok('users.list');
  ids = {
    depToan: depToan.id,
    depVp: depVp.id,
    leader: find('lanhdao'),
    specialist: find('chuyenvien'),
    other: all.find((u) => u.username === 'khac')!.id,
    unitLeader,
    unitLeaderId: all.find((u) => u.username === 'totruong')!.id,
    other2,
  };
});
afterEach(() => office.cleanup());

async function attach(documentId: string, bytes: Uint8Array, name = 'ke-hoach.pdf') {
  return office.backend.attachments.add({ userId: null }, { documentId, name, source: Readable.from([Buffer.from(bytes)]) });
}

describe('what waits for whom (Việc của tôi)', () => {
  it('a leader sees what was submitted to him, the văn thư what waits to be routed; Ngày chuyển is the day it left her', async () => {
    const first = await office.clerk.ok('incoming.register', { ...SAMPLE });
    const second = await office.clerk.ok('incoming.register', { ...SAMPLE, code: '143/KH-BGDĐT' });
    const third = await office.clerk.ok('incoming.register', { ...SAMPLE, code: '144/KH-BGDĐT' });
    expect((await office.clerk.ok('tasks.waiting')).toRoute.map((d) => d.id)).toEqual([first.id, second.id, third.id]);
    expect((await office.leader.ok('tasks.waiting')).toDirect).toEqual([]);

    clock.advance(3 * 3600_000);
    await office.clerk.ok('incoming.submit', { id: first.id, leaderId: ids.leader });
    await office.clerk.ok('incoming.submit', { id: second.id, leaderId: ids.unitLeaderId });
    const leader = await office.leader.ok('tasks.waiting');
    expect(leader.toDirect.map((d) => d.code)).toEqual([SAMPLE.code]);
    expect(leader.toRoute).toEqual([]); // a leader does not route
    expect((await ids.unitLeader.ok('tasks.waiting')).toDirect.map((d) => d.id)).toEqual([second.id]);
    expect((await office.clerk.ok('tasks.waiting')).toRoute.map((d) => d.id)).toEqual([third.id]);
    expect((await office.specialist.ok('tasks.waiting')).toDirect).toEqual([]);

    // The register shows the day it went to the leader, as the printed register does.
    const listed = await office.clerk.ok('incoming.list', { limit: 10 });
    const forwarded = listed.items.find((d) => d.id === first.id)!.forwardedAt;
    expect(forwarded).toBe('2026-11-23T05:00:00.000Z');
    expect(listed.items.find((d) => d.id === third.id)!.forwardedAt).toBeNull();
  });
});

describe('a document’s whole life', () => {
  it('register → attach → stamp → submit → assign → progress → complete, with its history', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE });
    const pdf = await samplePdf(3);
    const original = await attach(doc.id, pdf);
    expect(original).toMatchObject({ kind: 'pdf', mime: 'application/pdf', pages: 3, size: pdf.length, role: 'original' });
    expect(original.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));

    await office.clerk.ok('incoming.submit', { id: doc.id, leaderId: ids.leader });
    const assigned = await office.leader.ok('incoming.assign', {
      id: doc.id,
      direction: 'Giao Tổ Toán chủ trì, tham mưu kế hoạch; Văn phòng phối hợp.',
      lead: { departmentId: ids.depToan, userId: ids.specialist, deadline: '2026-11-27' },
      coordinate: [{ departmentId: ids.depVp }],
      inform: [],
    });
    expect(assigned.status).toBe('phan_cong');
    expect(assigned.tasks.map((t) => t.role)).toEqual(['chu_tri', 'phoi_hop']);

    const stamped = await office.clerk.ok('incoming.stamp', { documentId: doc.id, attachmentId: original.id });
    expect(stamped).toMatchObject({ role: 'stamped', parentId: original.id, pages: 3 });
    // A second click on "Đóng dấu ĐẾN" makes no second copy, and says which one there is.
    const again = await office.clerk.fail('incoming.stamp', { documentId: doc.id, attachmentId: original.id });
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain(stamped.name);
    expect((await office.clerk.ok('attachments.list', { documentId: doc.id })).filter((a) => a.role === 'stamped')).toHaveLength(1);
    const stampedBytes = await office.backend.attachments.content(stamped.id);
    if (hasPoppler()) {
      const text = pdftotext(stampedBytes.bytes);
      expect(text).toContain('ĐẾN');
      expect(text).toContain('Người chuyenvien'); // "Chuyển:" names the lead
    }
    expect((await office.backend.attachments.content(original.id)).bytes).toEqual(new Uint8Array(pdf));

    const mine = await office.specialist.ok('tasks.mine');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      role: 'chu_tri',
      deadline: '2026-11-27',
      dueSoon: false,
      overdue: false,
      document: { code: '142/KH-BGDĐT' },
    });
    await office.specialist.ok('tasks.update', { taskId: mine[0]!.id, note: 'Đang dự thảo kế hoạch' });
    expect((await office.clerk.ok('incoming.handling', { id: doc.id })).status).toBe('dang_xu_ly');
    await office.specialist.ok('tasks.complete', {
      taskId: mine[0]!.id,
      result: 'Đã ban hành kế hoạch của Phòng',
      replyCode: '57/KH-SGDĐT',
    });
    const done = await office.clerk.ok('incoming.handling', { id: doc.id });
    expect(done).toMatchObject({ status: 'hoan_thanh', replyCode: '57/KH-SGDĐT' });

    const history = await office.leader.ok('incoming.history', { id: doc.id });
    expect(history.map((h) => h.action)).toEqual(['register', 'attach', 'submit', 'assign', 'stamp', 'progress', 'complete']);
    expect(history.find((h) => h.action === 'assign')!.summary).toContain('Chủ trì: Người chuyenvien – Tổ Toán, hạn 27/11/2026');
    expect(history.find((h) => h.action === 'complete')!.userName).toBe('Người chuyenvien');
    const follow = await office.clerk.ok('incoming.followUp');
    expect(follow.items[0]).toMatchObject({ number: 1, replyCode: '57/KH-SGDĐT', progress: 'Hoàn thành: Đã ban hành kế hoạch của Phòng' });
  });
});

describe('transitions by role', () => {
  it('refuses steps out of order and to the wrong people', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE });
    const assign = { id: doc.id, direction: 'Xử lý', lead: { userId: ids.specialist, deadline: '2026-11-30' } };
    expect((await office.leader.fail('incoming.assign', assign)).code).toBe('CONFLICT'); // not submitted yet
    expect((await office.leader.fail('incoming.submit', { id: doc.id, leaderId: ids.leader })).code).toBe('FORBIDDEN');
    const notLeader = await office.clerk.fail('incoming.submit', { id: doc.id, leaderId: ids.specialist });
    expect([notLeader.code, notLeader.field]).toEqual(['VALIDATION', 'leaderId']);
    await office.clerk.ok('incoming.submit', { id: doc.id, leaderId: ids.leader });
    expect((await office.clerk.fail('incoming.assign', assign)).code).toBe('FORBIDDEN');
    expect((await office.specialist.fail('incoming.assign', assign)).code).toBe('FORBIDDEN');
    const past = await office.leader.fail('incoming.assign', { ...assign, lead: { userId: ids.specialist, deadline: '2026-11-01' } });
    expect(past.message).toContain('đã qua');
    await office.leader.ok('incoming.assign', assign);
    expect((await office.clerk.fail('incoming.return', { id: doc.id, reason: 'Nhầm nơi nhận' })).message).toContain('không thể trả lại');
    const [task] = await office.specialist.ok('tasks.mine');
    const err = await ids.other2.fail('tasks.complete', { taskId: task!.id, result: 'Xong' });
    expect(err.code).toBe('FORBIDDEN');
    await office.clerk.ok('incoming.recall', { id: doc.id, reason: 'Cơ quan gửi thu hồi' });
    expect(await office.specialist.ok('tasks.mine')).toEqual([]);
    expect((await office.clerk.fail('incoming.submit', { id: doc.id, leaderId: ids.leader })).code).toBe('CONFLICT');
  });

  it('lets a unit leader reassign within the unit, and only there', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE });
    await office.clerk.ok('incoming.submit', { id: doc.id, leaderId: ids.leader });
    await office.leader.ok('incoming.assign', {
      id: doc.id,
      direction: 'Tổ Toán xử lý',
      lead: { departmentId: ids.depToan, deadline: '2026-11-30' },
    });
    const [task] = (await office.clerk.ok('incoming.handling', { id: doc.id })).tasks;
    // The department's task is visible to its members before anyone is named.
    expect((await office.specialist.ok('tasks.mine')).map((t) => t.id)).toEqual([task!.id]);
    expect((await office.leader.fail('tasks.reassign', { taskId: task!.id, userId: ids.specialist })).code).toBe('FORBIDDEN');
    expect((await ids.unitLeader.fail('tasks.reassign', { taskId: task!.id, userId: ids.other })).field).toBe('userId');
    await ids.unitLeader.ok('tasks.reassign', { taskId: task!.id, userId: ids.specialist, deadline: '2026-11-26' });
    const mine = await office.specialist.ok('tasks.mine');
    expect(mine[0]).toMatchObject({ userId: ids.specialist, deadline: '2026-11-26' });
  });

  it('lets the department’s leader act on a member’s task — the backend and the UI by the same rule', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE });
    await office.clerk.ok('incoming.submit', { id: doc.id, leaderId: ids.leader });
    await office.leader.ok('incoming.assign', {
      id: doc.id,
      direction: 'Đồng chí Toán xử lý',
      lead: { departmentId: ids.depToan, userId: ids.specialist, deadline: '2026-11-30' },
    });
    const [task] = (await office.clerk.ok('incoming.handling', { id: doc.id })).tasks;
    const unitLeader = { id: ids.unitLeaderId, roles: ['leader'] as const, departmentId: ids.depToan };
    const stranger = { id: ids.other, roles: ['specialist'] as const, departmentId: ids.depVp };
    // What the UI shows by (shared/domain/taskRules.ts)…
    expect(mayActOnTask(unitLeader, task!)).toBe(true);
    expect(mayActOnTask(stranger, task!)).toBe(false);
    // …is what the backend lets through.
    await ids.unitLeader.ok('tasks.update', { taskId: task!.id, note: 'Tổ đã họp, đang soạn báo cáo' });
    expect((await ids.other2.fail('tasks.update', { taskId: task!.id, note: 'Không phải việc của tôi' })).code).toBe('FORBIDDEN');
    await ids.unitLeader.ok('tasks.complete', { taskId: task!.id, result: 'Đã báo cáo', replyCode: null });
    expect((await office.clerk.ok('incoming.handling', { id: doc.id })).status).toBe('hoan_thanh');
  });

  it('returns a wrongly addressed document before it is assigned', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE });
    const h = await office.clerk.ok('incoming.return', { id: doc.id, reason: 'Gửi nhầm đơn vị' });
    expect(h.status).toBe('tra_lai');
    expect((await office.specialist.fail('incoming.return', { id: doc.id, reason: 'x' })).code).toBe('FORBIDDEN');
  });
});

describe('deadlines', () => {
  it('shows due-soon within two working days and overdue after the deadline', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE });
    await office.clerk.ok('incoming.submit', { id: doc.id, leaderId: ids.leader });
    await office.leader.ok('incoming.assign', {
      id: doc.id,
      direction: 'Xử lý gấp',
      lead: { userId: ids.specialist, deadline: '2026-11-30' },
    });
    // Monday 23/11: the deadline is five working days away.
    let d = await office.specialist.ok('dashboard.deadlines');
    expect([d.dueSoon.length, d.overdue.length]).toEqual([0, 0]);
    clock.set('2026-11-26T02:00:00Z'); // Thursday: Fri and Mon left → due soon
    d = await office.specialist.ok('dashboard.deadlines');
    expect([d.dueSoon.length, d.overdue.length]).toEqual([1, 0]);
    clock.set('2026-12-01T02:00:00Z'); // Tuesday after: overdue
    d = await office.leader.ok('dashboard.deadlines');
    expect([d.dueSoon.length, d.overdue.length]).toEqual([0, 1]);
    expect((await office.clerk.ok('incoming.handling', { id: doc.id })).overdue).toBe(true);
  });
});

describe('attachments', () => {
  it('knows a file by its bytes, not its name', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE });
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201f5d2d8b30000000049454e44ae426082',
      'hex',
    );
    const asPdf = await office.backend.attachments.add(
      { userId: null },
      { documentId: doc.id, name: 'scan.pdf', source: Readable.from([png]) },
    );
    expect(asPdf).toMatchObject({ kind: 'image', mime: 'image/png' });
    await expect(
      office.backend.attachments.add(
        { userId: null },
        { documentId: doc.id, name: 'virus.pdf', source: Readable.from([Buffer.from('MZ\x90\x00 this is not a pdf')]) },
      ),
    ).rejects.toMatchObject({ code: 'FILE_TYPE' });
    expect((await office.clerk.ok('attachments.list', { documentId: doc.id })).map((a) => a.name)).toEqual(['scan.pdf']);
  });

  it('refuses a file over the limit before keeping any of it', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE });
    writeSetting(office.t.store, await office.as(), 'attachments.maxBytes', 1000);
    const big = Buffer.alloc(5000, 0x25);
    await expect(attach(doc.id, big)).rejects.toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('giới hạn') });
    const files = join(office.t.dir, 'files');
    expect(readdirSync(join(files, 'tmp'))).toEqual([]);
    expect(readdirSync(files).filter((f) => f !== 'tmp')).toEqual([]);
  });

  it('reports a file changed on disk instead of serving it', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE });
    const a = await attach(doc.id, await samplePdf(1));
    const path = office.backend.attachments.blobs.path(a.sha256);
    expect(existsSync(path)).toBe(true);
    writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.from('tampered')]));
    expect((await office.clerk.ok('attachments.check', { id: a.id })).intact).toBe(false);
    await expect(office.backend.attachments.open(a.id)).rejects.toMatchObject({ code: 'FILE_DAMAGED' });
    expect((await office.clerk.fail('incoming.stamp', { documentId: doc.id, attachmentId: a.id })).code).toBe('FILE_DAMAGED');
  });

  it('keeps the document and its file when a PDF cannot be stamped', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE });
    const broken = (await samplePdf(2)).slice(0, 400);
    const a = await attach(doc.id, broken, 'hong.pdf');
    expect(a.pages).toBeNull();
    const err = await office.clerk.fail('incoming.stamp', { documentId: doc.id, attachmentId: a.id });
    expect(err.code).toBe('PDF_BROKEN');
    expect((await office.clerk.ok('attachments.list', { documentId: doc.id })).map((x) => x.id)).toEqual([a.id]);
    expect((await office.clerk.ok('incoming.get', { id: doc.id })).number).toBe(1);
  });

  it('detaches with audit and keeps the bytes', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE });
    const a = await attach(doc.id, await samplePdf(1));
    await office.clerk.ok('attachments.remove', { id: a.id });
    expect(await office.clerk.ok('attachments.list', { documentId: doc.id })).toEqual([]);
    expect(existsSync(office.backend.attachments.blobs.path(a.sha256))).toBe(true);
    expect((await office.admin.ok('audit.verify')).ok).toBe(true);
    expect((await office.specialist.fail('attachments.remove', { id: a.id })).code).toBe('FORBIDDEN');
  });

  it('follows the office settings an admin saves: size limit, stamp corner, holidays', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE });
    expect((await office.clerk.fail('settings.saveOffice', { attachmentsMaxMb: 1, stampCorner: 'top-right', holidays: [] })).code).toBe(
      'FORBIDDEN',
    );
    const bad = await office.admin.fail('settings.saveOffice', { attachmentsMaxMb: 1, stampCorner: 'top-right', holidays: ['2026-02-30'] });
    expect(bad.message).toBe('Có ngày nghỉ không phải ngày có thật.');
    const saved = await office.admin.ok('settings.saveOffice', {
      attachmentsMaxMb: 1,
      stampCorner: 'top-right',
      holidays: ['2026-11-24', '2026-11-25'],
    });
    expect(saved).toEqual({
      attachmentsMaxMb: 1,
      stampCorner: 'top-right',
      stampRule: 'decree',
      holidays: ['2026-11-24', '2026-11-25'],
      // Left out of the save: as it was (both copies marked by default).
      copyMarks: { print: true, download: true },
    });
    await expect(attach(doc.id, Buffer.alloc(2 * 1024 * 1024, 0x25))).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringContaining('1 MB'),
    });
    const a = await attach(doc.id, await samplePdf(1));
    const stamped = await office.clerk.ok('incoming.stamp', { documentId: doc.id, attachmentId: a.id });
    if (hasPoppler()) {
      const ink = findRedInk((await office.backend.attachments.content(stamped.id)).bytes);
      expect(ink.box!.left).toBeGreaterThan(ink.width / 2);
    }
    // Monday 23/11 with Tue and Wed off: a Friday deadline is two working days away.
    await office.clerk.ok('incoming.submit', { id: doc.id, leaderId: ids.leader });
    await office.leader.ok('incoming.assign', { id: doc.id, direction: 'Xử lý', lead: { userId: ids.specialist, deadline: '2026-11-27' } });
    expect((await office.specialist.ok('dashboard.deadlines')).dueSoon).toHaveLength(1);
  });

  it('opens path and byte methods only through the desktop window', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE });
    expect((await office.clerk.fail('attachments.add', { documentId: doc.id, path: '/etc/passwd' })).code).toBe('UNKNOWN_METHOD');
  });
});
