// Suggestions from the office's own history: who leads, who coordinates, by when, and which
// dossier — learnt from past routings with hidden rules, explained, and never from a secret
// document or for someone who may not route.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { manualClock } from '../helpers/tempStore.js';
import { setUpOffice, type Office } from '../helpers/office.js';
import { routedDoc, routingOffice, type RoutingOffice } from '../helpers/routingCorpus.js';
import { WorkCalendar } from '../../shared/domain/workdays.js';

let office: Office;
let corpus: RoutingOffice;
const clock = manualClock('2025-10-01T02:00:00Z');
const HISTORY = 160;

const used = new Set<number>();
/** A document of the stream after the history, not yet used, that the predicate picks. */
function find(from: number, pick: (d: ReturnType<typeof routedDoc>) => boolean): number {
  for (let i = from; ; i++) if (!used.has(i) && pick(routedDoc(i))) return (used.add(i), i);
}

beforeAll(async () => {
  office = await setUpOffice({ now: clock.now });
  corpus = await routingOffice(office, clock.now);
  await corpus.openDossiers(2025);
  for (let i = 0; i < HISTORY; i++) {
    if (i === HISTORY / 2) {
      clock.set('2026-01-05T02:00:00Z');
      await corpus.closeDossiers(2025);
      await corpus.openDossiers(2026);
    }
    clock.advance(3 * 3600_000);
    await corpus.route(i, 0.1);
  }
  clock.set('2026-03-02T02:00:00Z');
}, 120_000);
afterAll(() => office.cleanup());

describe('who handles it', () => {
  it('suggests the phòng the office gives a subject to, with its phối hợp and usual days, and says why', async () => {
    const i = find(1000, (d) => d.summary.startsWith('Tuyển sinh vào lớp 10') && d.agency === 'Bộ Giáo dục và Đào tạo');
    const id = await corpus.register(i);
    const s = await office.leader.ok('incoming.suggestRouting', { id });
    expect(s.lead[0]!.value).toBe(corpus.valueOf({ dep: 'GDTrH' }));
    expect(s.lead[0]!.label).toBe('Phòng Giáo dục Trung học');
    expect(s.lead.length).toBeLessThanOrEqual(3);
    expect(s.coordinate.map((c) => c.value)).toContain(corpus.valueOf({ dep: 'KTKĐ' }));
    expect(s.deadline?.workingDays).toBe(10);
    // Counted from the day it came: ten working days after Monday 2 March.
    expect(s.deadline?.date).toBe('2026-03-16');
    expect(s.reason).toMatch(/^Giống \d+ văn bản trước/);
    expect(s.reason).toContain('“tuyển sinh');
  });

  it('a Bộ công văn that names no subject goes by its ký hiệu suffix', async () => {
    const i = find(1000, (d) => d.code.endsWith('-GDTH') && d.agency === 'Bộ Giáo dục và Đào tạo' && d.type === 'CV');
    const id = await corpus.register(i);
    const s = await office.leader.ok('incoming.suggestRouting', { id });
    expect(s.lead[0]!.value).toBe(corpus.valueOf({ dep: 'GDTH' }));
    expect(s.reason).toMatch(/^Giống \d+ văn bản trước \(ký hiệu …-GDTH\)/);
  });

  it('a subject given to one person by name suggests him — and no longer once he has left', async () => {
    const i = find(1000, (d) => 'person' in d.lead && d.lead.person === 'thidua' && !d.agency.startsWith('Sở Tài chính'));
    const id = await corpus.register(i);
    const s = await office.leader.ok('incoming.suggestRouting', { id });
    expect(s.lead[0]!.value).toBe(corpus.valueOf({ person: 'thidua' }));
    expect(s.lead[0]!.label).toBe('Lê Thị Thi Đua');

    const users = await office.admin.ok('users.list');
    const him = users.find((u) => u.username === 'thidua')!;
    await office.admin.ok('users.update', { id: him.id, active: false });
    const after = await office.leader.ok('incoming.suggestRouting', { id });
    expect(after.lead.map((c) => c.value)).not.toContain(corpus.valueOf({ person: 'thidua' }));
    await office.admin.ok('users.update', { id: him.id, active: true });
  });

  it('suggests this year’s open dossier of the catalogue line alike documents were filed in', async () => {
    const i = find(1000, (d) => d.dossier === 'Hồ sơ thi đua, khen thưởng' && !d.agency.includes('Tài chính'));
    const id = await corpus.register(i);
    const s = await office.specialist.ok('dossiers.suggest', { id });
    expect(s.choices[0]?.dossierId).toBe(corpus.dossierOf('Hồ sơ thi đua, khen thưởng', 2026));
    expect(s.choices[0]?.reason).toMatch(/^Giống \d+ văn bản trước/);
    // Once filed there, that dossier is no longer offered for it.
    await office.clerk.ok('dossiers.addItems', { dossierId: s.choices[0]!.dossierId, documentIds: [id] });
    const again = await office.specialist.ok('dossiers.suggest', { id });
    expect(again.choices.map((c) => c.dossierId)).not.toContain(s.choices[0]!.dossierId);
  });

  it('a subject the office has not seen before gets no suggestion, and is told so (hostile search syntax included)', async () => {
    const id = (
      await office.clerk.ok('incoming.register', {
        agency: 'Hội Chữ thập đỏ tỉnh',
        code: '7/HCTĐ',
        type: 'CV',
        issuedDate: '2026-03-02',
        summary: 'Vận động hiến máu nhân đạo "mùa xuân" OR NEAR(* -) ^',
      })
    ).id;
    const s = await office.leader.ok('incoming.suggestRouting', { id });
    expect(s.lead).toEqual([]);
    expect(s.reason).toContain('chưa có đề xuất');
    expect((await office.specialist.ok('dossiers.suggest', { id })).choices).toEqual([]);
  });
});

describe('who may ask, and what teaches', () => {
  it('only a leader asks who should handle it; only a reader of the document asks where it is filed', async () => {
    const i = find(1000, (d) => d.summary.startsWith('Tuyển sinh'));
    const id = await corpus.register(i);
    expect((await office.clerk.fail('incoming.suggestRouting', { id })).code).toBe('FORBIDDEN');
    expect((await office.specialist.fail('incoming.suggestRouting', { id })).code).toBe('FORBIDDEN');
    expect((await office.anon.fail('dossiers.suggest', { id })).code).toBe('UNAUTHENTICATED');

    const secret = await office.clerk.ok('incoming.register', {
      agency: 'Bộ Giáo dục và Đào tạo',
      code: '9/BGDĐT-GDTrH',
      type: 'CV',
      issuedDate: '2026-03-02',
      summary: 'Tuyển sinh lớp 10 trường năng khiếu',
      confidentiality: 'mat',
    });
    expect((await office.specialist.fail('dossiers.suggest', { id: secret.id })).code).toBe('FORBIDDEN');
  });

  it('a secret document’s routing never becomes a suggestion', async () => {
    const users = await office.admin.ok('users.list');
    const leaderId = users.find((u) => u.username === 'lanhdao')!.id;
    const ttr = corpus.valueOf({ dep: 'TTr' }).slice(2);
    for (let n = 0; n < 4; n++) {
      const secret = await office.clerk.ok('incoming.register', {
        agency: 'Công an tỉnh Hà Tĩnh',
        code: `${50 + n}/CAT-PA03`,
        type: 'CV',
        issuedDate: '2026-03-02',
        summary: 'Xylophone bảo vệ bí mật nhà nước',
        confidentiality: 'mat',
      });
      await office.clerk.ok('incoming.submit', { id: secret.id, leaderId, note: null });
      await office.leader.ok('incoming.assign', {
        id: secret.id,
        direction: 'Mật',
        lead: { departmentId: ttr },
        coordinate: [],
        inform: [],
      });
    }
    const common = await office.clerk.ok('incoming.register', {
      agency: 'Công an tỉnh Hà Tĩnh',
      code: '60/CAT-PA03',
      type: 'CV',
      issuedDate: '2026-03-02',
      summary: 'Xylophone bảo vệ bí mật nhà nước',
    });
    const s = await office.leader.ok('incoming.suggestRouting', { id: common.id });
    // Four secret ones went to Thanh tra; the common one like them finds no history at all.
    expect(s.lead).toEqual([]);
    expect(s.basis).toBe(0);
  });
});

describe('the usual days, from documents that came on a weekend', () => {
  it('counts a Saturday’s document from Monday, as its deadline was given: 10 days given, 10 suggested', async () => {
    const saturday = manualClock('2026-12-05T02:00:00Z'); // Saturday 5 December 2026
    const weekend = await setUpOffice({ now: saturday.now });
    try {
      const dep = await weekend.admin.ok('departments.create', { name: 'Phòng Giáo dục Trung học', code: 'GDTrH' });
      const users = await weekend.admin.ok('users.list');
      const leaderId = users.find((u) => u.username === 'lanhdao')!.id;
      const deadline = new WorkCalendar().addWorkingDays('2026-12-05', 10);
      const register = (n: number) =>
        weekend.clerk.ok('incoming.register', {
          agency: 'Bộ Giáo dục và Đào tạo',
          code: `${n}/BGDĐT-GDTrH`,
          type: 'CV',
          issuedDate: '2026-12-04',
          summary: 'Tuyển sinh vào lớp 10 trung học phổ thông năm học 2027 - 2028',
        });
      for (let n = 1; n <= 3; n++) {
        const d = await register(n);
        await weekend.clerk.ok('incoming.submit', { id: d.id, leaderId });
        await weekend.leader.ok('incoming.assign', { id: d.id, direction: 'Giao Phòng GDTrH.', lead: { departmentId: dep.id, deadline } });
      }
      const next = await register(4);
      await weekend.clerk.ok('incoming.submit', { id: next.id, leaderId });
      const s = await weekend.leader.ok('incoming.suggestRouting', { id: next.id });
      expect(deadline).toBe('2026-12-21');
      expect(s.deadline).toMatchObject({ workingDays: 10, date: '2026-12-21' });
    } finally {
      await weekend.backend.close();
      weekend.cleanup();
    }
  });
});
