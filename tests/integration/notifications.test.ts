// Thông báo (Appendix VI 1i) through the real backend: a document submitted to the leader, a task
// given to the specialist and falling due, a draft waiting for signature — also when it came from
// another PC through sync — and nothing for one's own actions.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE, setUpOffice, type Office } from '../helpers/office.js';
import { manualClock } from '../helpers/tempStore.js';
import { firstDesktop, joinDesktop } from '../helpers/syncDesktops.js';
import { startSyncServer } from '../helpers/syncServer.js';
import { Caller, PASSWORD } from '../helpers/office.js';

let office: Office;
let clock: ReturnType<typeof manualClock>;
beforeEach(async () => {
  clock = manualClock('2026-11-23T02:00:00Z'); // a Monday
  office = await setUpOffice({ now: clock.now });
});
afterEach(() => office.cleanup());

const idOf = async (c: Caller) => (await c.ok('auth.me')).id;

describe('what waits for whom', () => {
  it('tells the leader of a submission, the specialist of his task and when it falls due; nobody of his own steps', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE, receivedAt: '2026-11-23T01:00:00Z' });
    await office.clerk.ok('incoming.submit', { id: doc.id, leaderId: await idOf(office.leader) });
    const forLeader = await office.leader.ok('notifications.list');
    expect(forLeader.unread).toBe(1);
    expect(forLeader.items[0]).toMatchObject({ kind: 'submitted', documentId: doc.id, unread: true });
    expect(forLeader.items[0]!.title).toBe('Văn bản trình xin ý kiến chỉ đạo (Người vanthu trình)');
    expect(forLeader.items[0]!.body).toContain(SAMPLE.code);
    expect((await office.clerk.ok('notifications.list')).items).toEqual([]);

    await office.leader.ok('incoming.assign', {
      id: doc.id,
      direction: 'Giao chuyên viên tham mưu',
      lead: { userId: await idOf(office.specialist), deadline: '2026-11-25' },
    });
    // Assigned: no longer waiting for the leader; the specialist has his task.
    expect((await office.leader.ok('notifications.list')).items).toEqual([]);
    const task = (await office.specialist.ok('notifications.list')).items;
    expect(task.map((n) => [n.kind, n.title])).toEqual([['task', 'Được giao chủ trì (Người lanhdao giao), hạn 25/11/2026']]);
    await office.specialist.ok('notifications.markRead');
    expect((await office.specialist.ok('notifications.list')).unread).toBe(0);

    // The day before the deadline it falls due, and that is new.
    clock.set('2026-11-24T01:00:00Z');
    const due = await office.specialist.ok('notifications.list');
    expect(due.items[0]).toMatchObject({ kind: 'due', title: 'Việc đến hạn 25/11/2026', unread: true });
    clock.set('2026-11-26T01:00:00Z');
    expect((await office.specialist.ok('notifications.list')).items[0]!.title).toBe('Việc quá hạn từ 25/11/2026');
  });

  it('names a secret document by its entry only, and logs no secret read for each look', async () => {
    const doc = await office.clerk.ok('incoming.register', {
      ...SAMPLE,
      code: '3/M-BCA',
      summary: 'Phương án bảo vệ đề thi',
      confidentiality: 'mat',
      receivedAt: '2026-11-23T01:00:00Z',
    });
    await office.clerk.ok('incoming.submit', { id: doc.id, leaderId: await idOf(office.leader) });
    const reads = () =>
      (office.t.store.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'secret.read'").get() as { n: number }).n;
    const before = reads();
    const [n] = (await office.leader.ok('notifications.list')).items;
    expect(n!.body).toContain('3/M-BCA');
    expect(n!.body).not.toContain('bảo vệ đề thi');
    await office.leader.ok('notifications.list');
    expect(reads()).toBe(before);
  });

  it('tells the leader of a draft sent for his signature', async () => {
    const draft = await office.specialist.ok('outgoing.createDraft', { type: 'CV', summary: 'V/v báo cáo sơ kết học kỳ I' });
    await office.specialist.ok('outgoing.submitDraft', { id: draft.id, leaderId: await idOf(office.leader) });
    const [n] = (await office.leader.ok('notifications.list')).items;
    expect(n).toMatchObject({
      kind: 'draft',
      draftId: draft.id,
      title: 'Dự thảo chờ ký (Người chuyenvien trình)',
      body: 'V/v báo cáo sơ kết học kỳ I',
    });
  });
});

describe('through sync', () => {
  it('tells the leader on his own PC of a document submitted on the văn thư’s PC', async () => {
    const server = await startSyncServer();
    const a = await firstDesktop(server.url, await server.code('SGD-HT'));
    const b = await joinDesktop('B', server.url, await server.code('SGD-HT'));
    try {
      const leaderId = (await a.admin.ok('users.list')).find((u) => u.username === 'lanhdao')!.id;
      const doc = await a.clerk.ok('incoming.register', { ...SAMPLE, receivedAt: new Date().toISOString() });
      await a.clerk.ok('incoming.submit', { id: doc.id, leaderId });
      await a.sync();
      await b.sync();
      const leaderOnB = new Caller(b.backend);
      await leaderOnB.ok('auth.login', { username: 'lanhdao', password: PASSWORD });
      const list = await leaderOnB.ok('notifications.list');
      expect(list.items.map((n) => [n.kind, n.documentId])).toEqual([['submitted', doc.id]]);
    } finally {
      await a.cleanup();
      await b.cleanup();
      await server.close();
    }
  });
});
