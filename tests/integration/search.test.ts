// One search box: the documents each Vietnamese query must find and must not find, codes in
// any form, highlights on the original text, and hostile input that stays text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightSpans } from '../../shared/text/highlight.js';
import { INCOMING_DEFAULTS, registerIncoming } from '../../db/incoming/incoming.js';
import { SAMPLE, setUpOffice, type Office } from '../helpers/office.js';

let office: Office;
const ids: Record<string, string> = {};

beforeAll(async () => {
  office = await setUpOffice();
  const reg = async (key: string, agency: string, code: string, type: string, summary: string) =>
    (ids[key] = (await office.clerk.ok('incoming.register', { ...SAMPLE, agency, code, type, summary })).id);
  await reg('kh', 'Bộ Giáo dục và Đào tạo', '142/KH-BGDĐT', 'KH', 'Kế hoạch tổ chức kỳ thi tốt nghiệp trung học phổ thông năm 2026');
  await reg('dt', 'Sở Giáo dục và Đào tạo Hà Nội', '123/SGDĐT-VP', 'CV', 'Về việc bồi dưỡng, đào tạo giáo viên cốt cán');
  await reg('nd', 'UBND xã Hàm Yên', '45/QĐ-UBND', 'QĐ', 'Nội dung kiểm tra cơ sở vật chất trường học');
  await reg('ds', 'Phòng Giáo dục và Đào tạo', '7/PGDĐT-VP', 'CV', 'Đẩy mạnh truyền thông về chuyển đổi số');
  const vp = (await office.admin.ok('departments.create', { name: 'Văn phòng', code: 'VP' })).id;
  ids.out = (
    await office.clerk.ok('outgoing.issue', {
      type: 'BC',
      departmentId: vp,
      summary: 'Báo cáo kết quả thi học sinh giỏi cấp huyện',
      issuedDate: '2026-03-05',
      signerName: 'Nguyễn Văn Quản',
      recipients: 'Sở GD-ĐT',
    })
  ).id;
  ids.dossier = (
    await office.clerk.ok('dossiers.open', {
      year: 2026,
      title: 'Hồ sơ kỳ thi tốt nghiệp THPT năm 2026',
      notation: '02.THI',
      retention: '10',
    })
  ).id;
});
afterAll(() => office.cleanup());

const find = async (q: string, kinds?: ('incoming' | 'outgoing' | 'dossier')[]) =>
  (await office.specialist.ok('search.query', { q, ...(kinds ? { kinds } : {}) })).items;
const idsOfRaw = async (q: string) => (await find(q)).map((h) => h.id);
const idsOf = async (q: string, kinds?: ('incoming' | 'outgoing' | 'dossier')[]) =>
  (await find(q, kinds)).map((h) => Object.entries(ids).find(([, v]) => v === h.id)?.[0]);

describe('search.query', () => {
  const cases: [string, string[], string[]][] = [
    ['ke hoach', ['kh'], ['dt', 'nd', 'ds', 'out']],
    ['Kế hoạch', ['kh'], ['dt']],
    ['KẾ HOẠCH'.normalize('NFD'), ['kh'], ['dt']],
    ['dao tao giao vien', ['dt'], ['kh', 'nd']],
    ['noi dung', ['nd'], ['kh', 'dt']],
    ['Nội dung'.normalize('NFD'), ['nd'], ['kh']],
    ['day manh', ['ds'], ['kh', 'dt', 'nd']],
    ['truyen th', ['ds'], ['kh']],
    ['day m', ['ds'], ['kh', 'dt', 'nd']],
    ['ke h', ['kh'], ['dt', 'ds']],
    ['hoc sinh gioi', ['out'], ['kh', 'dt']],
    ['thi tot nghiep', ['kh', 'dossier'], ['dt', 'nd']],
  ];
  for (const [q, must, mustNot] of cases) {
    it(`“${q}” finds ${must.join(', ')}`, async () => {
      const found = await idsOf(q);
      for (const m of must) expect(found, q).toContain(m);
      for (const m of mustNot) expect(found, q).not.toContain(m);
    });
  }

  it('puts an exact code first, in any of its written forms', async () => {
    for (const q of ['142/KH-BGDĐT', '142/kh-bgddt', '142 / KH – BGDĐT']) {
      const [first] = await find(q);
      expect(first?.id, q).toBe(ids.kh);
      expect(first?.exactCode, q).toBe(true);
    }
    expect((await find('142 KH BGDDT'))[0]?.id).toBe(ids.kh);
  });

  it('limits itself to the kinds asked for', async () => {
    expect(await idsOf('thi tot nghiep', ['dossier'])).toEqual(['dossier']);
    expect(await idsOf('thi', ['outgoing'])).toEqual(['out']);
  });

  it('marks the matching words on the original text', async () => {
    const [hit] = await find('ke hoach');
    const title = hit!.title;
    expect(hit!.highlights.title.map(([a, b]) => title.slice(a, b))).toEqual(['Kế', 'hoạch', 'Kế', 'hoạch']);
    expect(highlightSpans('Đẩy mạnh truyền thông', 'day truyen th').map(([a, b]) => 'Đẩy mạnh truyền thông'.slice(a, b))).toEqual([
      'Đẩy',
      'truyền',
      'th',
    ]);
    // Only the last word is a prefix: "gia" is not marked inside "Giấy" or "giáo".
    const text = 'Giấy mời giáo viên, gia đình học sinh';
    expect(highlightSpans(text, 'gia dinh').map(([a, b]) => text.slice(a, b))).toEqual(['gia', 'đình']);
  });

  it('follows an edit: the old words no longer find it, the new ones do, and the code still finds it', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE, code: '88/TB-SGDĐT', summary: 'Thông báo lịch kiểm tra nề nếp' });
    expect(await idsOfRaw('ne nep')).toContain(doc.id);
    await office.clerk.ok('incoming.update', { id: doc.id, summary: 'Thông báo lịch tập huấn phần mềm' });
    expect(await idsOfRaw('ne nep')).not.toContain(doc.id);
    expect(await idsOfRaw('tap huan phan mem')).toContain(doc.id);
    expect(await idsOfRaw('88/TB-SGDDT')).toContain(doc.id);
  });

  it('finds an older year’s document by its year however many newer ones match', async () => {
    const old = await office.clerk.ok('incoming.register', {
      ...SAMPLE,
      code: '5/HĐ-2024',
      issuedDate: '2024-03-01',
      receivedAt: '2024-03-04T02:00:00Z',
      summary: 'Hợp đồng bảo trì máy tính năm 2024',
    });
    office.t.store.sqlite.transaction(() => {
      for (let i = 0; i < 520; i++) {
        registerIncoming(
          office.t.store,
          { userId: null },
          { ...SAMPLE, ...INCOMING_DEFAULTS, code: `${i}/HĐ-BT`, summary: `Hợp đồng bảo trì số ${i}` },
        );
      }
    })();
    const inYear = (await office.specialist.ok('search.query', { q: 'hop dong bao tri', year: 2024 })).items.map((h) => h.id);
    expect(inYear).toEqual([old.id]);
    const range = (await office.specialist.ok('search.query', { q: 'hop dong bao tri', from: '2024-01-01', to: '2024-12-31' })).items.map(
      (h) => h.id,
    );
    expect(range).toEqual([old.id]);
  });

  it('treats hostile input as text: an answer, never an error', async () => {
    for (const q of [
      '"',
      '(',
      ')',
      'AND OR NEAR',
      '*',
      '^',
      'ke"hoach',
      '\u0000',
      'x'.repeat(10_000),
      "'; DROP TABLE documents; --",
      'NEAR(ke hoach, 2)',
      '{col}: ke',
    ]) {
      const r = await office.specialist.raw('search.query', { q });
      expect(r.ok, JSON.stringify(q.slice(0, 30))).toBe(true);
    }
    // Quotes and operators are only text: a quoted phrase finds what its words find.
    expect(await idsOf('"ke hoach"')).toContain('kh');
    expect(await idsOf('ke OR xyz')).toEqual([]);
    expect((await office.specialist.fail('search.query', { q: 'x'.repeat(10_001) })).message).toContain('quá dài');
  });
});
