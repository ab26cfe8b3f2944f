// Saved searches and result lists taken out (Appendix VI 6e, 6h), through the real backend: a
// user's own named queries with their filters, a book filter that outlives its book, and the
// whole list — past the page's 500 candidates — as PDF and as Word with the query and time on it.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCOMING_DEFAULTS, registerIncoming } from '../../db/incoming/incoming.js';
import { pageTexts } from '../helpers/pdfPages.js';
import { SAMPLE, setUpOffice, type Caller, type Office } from '../helpers/office.js';

let office: Office;
let bookId: string;

beforeAll(async () => {
  office = await setUpOffice();
  // 1,200 matches: more than the results page weighs (500) and more than one batch of the export.
  office.t.store.sqlite.transaction(() => {
    for (let i = 1; i <= 1200; i++)
      registerIncoming(
        office.t.store,
        { userId: null },
        { ...SAMPLE, ...INCOMING_DEFAULTS, code: `${i}/KH-SGDĐT`, summary: `Kế hoạch tuyển sinh lớp 10 đợt ${i}` },
      );
  })();
  await office.clerk.ok('incoming.register', {
    ...SAMPLE,
    code: '9/M-BCA',
    summary: 'Kế hoạch tuyển sinh bảo vệ đề thi',
    confidentiality: 'mat',
  });
  bookId = (await office.clerk.ok('books.list', { kind: 'incoming' }))[0]!.id;
}, 120_000);
afterAll(() => office.cleanup());

async function takeOut(who: Caller, input: Record<string, unknown>) {
  const r = await office.backend.call({ token: who.token, transport: 'ipc' }, 'search.export', input);
  if (!r.result.ok) throw new Error(r.result.error.message);
  return r.result.value as { name: string; mime: string; bytes?: Uint8Array; spool?: { path: string } };
}

describe('saved searches', () => {
  it('saves a query with its filters under a name, his own only; the same name replaces it', async () => {
    const query = { q: 'tuyen sinh', kinds: ['incoming' as const], year: 2026, bookId, from: '2026-01-01', to: '2026-12-31' };
    const saved = await office.specialist.ok('search.save', { name: 'Tuyển sinh 2026', query });
    expect(saved.query).toEqual(query);
    await office.specialist.ok('search.save', { name: 'tuyển sinh 2026', query: { ...query, year: 2025 } });
    const mine = await office.specialist.ok('search.saved');
    expect(mine.map((s) => [s.name, s.query.year, s.missingBook])).toEqual([['tuyển sinh 2026', 2025, false]]);
    // Another user sees none of his, and cannot delete it.
    expect(await office.leader.ok('search.saved')).toEqual([]);
    expect((await office.leader.fail('search.deleteSaved', { id: saved.id })).code).toBe('NOT_FOUND');
    expect((await office.specialist.fail('search.save', { name: '', query })).field).toBe('name');
    await office.specialist.ok('search.deleteSaved', { id: saved.id });
    expect(await office.specialist.ok('search.saved')).toEqual([]);
  });

  it('drops, and says so, a book filter whose book is gone; a search naming it is refused clearly', async () => {
    const gone = '01900000-0000-7000-8000-000000000001';
    // As if a row came from another PC naming a book this one does not have.
    office.t.store.sqlite
      .prepare(
        "INSERT INTO saved_searches (id, user_id, name, query, hlc, created_at, updated_at) VALUES ('01900000-0000-7000-8000-000000000002', ?, 'Sổ cũ', ?, '2026-01-01T00:00:00.000Z-0000-0000000000000000', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
      )
      .run(
        office.t.store.sqlite.prepare("SELECT id FROM users WHERE username = 'lanhdao'").pluck().get(),
        JSON.stringify({ q: 'ke hoach', bookId: gone }),
      );
    const [s] = await office.leader.ok('search.saved');
    expect(s).toMatchObject({ name: 'Sổ cũ', missingBook: true, query: { q: 'ke hoach' } });
    expect(s!.query.bookId).toBeUndefined();
    const refused = await office.leader.fail('search.query', { q: 'ke hoach', bookId: gone });
    expect([refused.field, refused.message]).toEqual(['bookId', expect.stringContaining('Sổ đã chọn để lọc không còn')]);
    expect((await office.leader.fail('search.save', { name: 'x', query: { q: 'a', bookId: gone } })).field).toBe('bookId');
  });
});

describe('the result list taken out', () => {
  it('as PDF: every match past the page’s 500, the query and the time printed, secret content hidden', async () => {
    const file = await takeOut(office.specialist, { q: 'tuyen sinh', format: 'pdf' });
    expect(file.mime).toBe('application/pdf');
    const text = (await pageTexts(file.bytes!)).join('\n');
    expect(text).toContain('KẾT QUẢ TÌM KIẾM VĂN BẢN, HỒ SƠ');
    expect(text).toContain('Từ khóa: “tuyen sinh”');
    expect(text).toMatch(/Lập lúc \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    expect(text).toContain('Tổng cộng: 1.200 kết quả');
    expect(text).toContain('1/KH-SGDĐT');
    expect(text).toContain('1200/KH-SGDĐT');
    // The specialist may not read the secret one: found by its words, it is not in his list.
    expect(text).not.toContain('bảo vệ đề thi');
  });

  it('as Word (.docx, streamed): a real document with the query, the filters and every row', async () => {
    const file = await takeOut(office.clerk, { q: 'tuyen sinh', kinds: 'incoming', year: '2026', format: 'docx' });
    expect(file.name).toMatch(/\.docx$/);
    const zip = await JSZip.loadAsync(readFileSync(file.spool!.path));
    expect(Object.keys(zip.files).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Từ khóa: “tuyen sinh” · trong văn bản đến · năm 2026');
    expect(xml.match(/<w:tr>/g)!.length).toBe(1 + 1201); // the header row, then every match (the clerk reads the secret one)
    expect(xml).toContain('Tổng cộng: 1.201 kết quả');
    // Well-formed for Word: parsed back as XML.
    expect(() => wellFormed(xml)).not.toThrow();
  });

  it('refuses a wrong format and an empty query in Vietnamese', async () => {
    const r = await office.backend.call({ token: office.clerk.token, transport: 'ipc' }, 'search.export', { q: 'x', format: 'odt' });
    expect(r.result.ok ? '' : r.result.error.message).toBe('Chọn PDF hoặc Word (.docx).');
    const empty = await takeOut(office.clerk, { q: '   ', format: 'pdf' });
    expect((await pageTexts(empty.bytes!)).join('\n')).toContain('Tổng cộng: 0 kết quả');
  });
});

/** A strict XML well-formedness check with saxes (what the exchange reader uses). */
function wellFormed(xml: string): void {
  const p = new SaxesParser({ xmlns: true });
  const errors: Error[] = [];
  p.on('error', (e) => errors.push(e));
  p.write(xml).close();
  if (errors[0]) throw errors[0];
}
