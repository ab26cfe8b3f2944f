// The registers as the decree asks: printed (cover, PL IV columns, header on every page, rows
// in order, page numbers) and exported to .xlsx with real dates and numbers.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE, setUpOffice, type Office } from '../helpers/office.js';
import { pageTexts } from '../helpers/pdfPages.js';

let office: Office;
beforeEach(async () => {
  office = await setUpOffice();
});
afterEach(() => office.cleanup());

const LONG =
  'Kế hoạch tổ chức kỳ thi tốt nghiệp trung học phổ thông năm 2026 và tuyển sinh vào lớp 10 các trường công lập, có hướng dẫn chi tiết về lịch thi, địa điểm, phân công cán bộ coi thi, chấm thi và phúc khảo';

async function registerMany(n: number) {
  const docs = [];
  for (let i = 1; i <= n; i++) {
    docs.push(
      await office.clerk.ok('incoming.register', {
        ...SAMPLE,
        code: `${i}/KH-BGDĐT`,
        summary: i % 3 === 0 ? LONG : `Công văn số ${i} về việc báo cáo`,
        receivedAt: '2026-03-05T02:00:00Z',
      }),
    );
  }
  return docs;
}

async function download(method: 'registers.print' | 'registers.export', input: Record<string, unknown>) {
  const r = await office.clerk.raw(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as { name: string; mime: string; bytes: Uint8Array };
}

describe('the printed incoming register', () => {
  it('has the cover, the header on every page, every row in order, and page numbers', async () => {
    const docs = await registerMany(70);
    await office.clerk.ok('incoming.cancel', { id: docs[9]!.id, reason: 'Vào sổ nhầm' });
    // Pretend the call comes from the window: files travel over IPC (or /download).
    const file = await office.backend.call({ token: office.clerk.token, transport: 'ipc' }, 'registers.print', {
      kind: 'incoming',
      bookId: docs[0]!.bookId,
    });
    expect(file.result.ok).toBe(true);
    const pdf = (file.result as { value: { name: string; bytes: Uint8Array } }).value;
    expect(pdf.name).toBe('Sổ văn bản đến 2026.pdf');
    const pages = await pageTexts(pdf.bytes);
    expect(pages.length).toBeGreaterThan(3);
    expect(pages[0]).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    expect(pages[0]).toContain('Năm: 2026');
    expect(pages[0]).toContain('Từ ngày 05/03/2026 đến ngày 05/03/2026');
    expect(pages[0]).toContain('Từ số 1 đến số 70');
    expect(pages[0]).toContain('SỞ GIÁO DỤC VÀ ĐÀO TẠO TUYÊN QUANG');
    const tablePages = pages.slice(1);
    const headers = [
      'Ngày đến',
      'Số đến',
      'Tác giả',
      'Số, ký hiệu văn bản',
      'Ngày tháng văn bản',
      'Tên loại và trích yếu nội dung văn bản',
      'Đơn vị hoặc người nhận',
      'Ngày chuyển',
      'Ký nhận',
      'Ghi chú',
    ];
    tablePages.forEach((text, i) => {
      let at = -1;
      for (const h of headers.map((x) => x.split(' ')[0]!)) {
        const next = text.indexOf(h, at + 1);
        expect(next, `page ${i + 2} header "${h}"`).toBeGreaterThan(at);
        at = next;
      }
      expect(text).toContain(`Trang ${i + 1}/${tablePages.length}`);
    });
    // Every code, once, in number order, across the pages.
    const all = tablePages.join(' ');
    const found = [...all.matchAll(/(\d+)\/KH-BGDĐT/g)].map((m) => Number(m[1]));
    expect(found).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
    expect(all).toContain('Đã hủy: Vào sổ nhầm');
    // The last row is on the last page, the first on the first table page.
    expect(tablePages[0]).toContain('1/KH-BGDĐT');
    expect(tablePages.at(-1)).toContain('70/KH-BGDĐT');
    // Printing marks the book: now it may be closed.
    expect((await office.clerk.ok('books.close', { id: docs[0]!.bookId })).closed).toBe(true);
  });

  it('prints the follow-up register with its own columns', async () => {
    const [doc] = await registerMany(1);
    const pdf = await office.backend.call({ token: office.clerk.token, transport: 'ipc' }, 'registers.print', {
      kind: 'followup',
      bookId: doc!.bookId,
    });
    const pages = await pageTexts((pdf.result as { value: { bytes: Uint8Array } }).value.bytes);
    expect(pages[0]).toContain('SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN');
    expect(pages[1]).toContain('Tiến độ giải quyết');
    expect(pages[1]).toContain('Kế hoạch số 1/KH-BGDĐT ngày 02/03/2026 của Bộ Giáo dục và Đào tạo');
  });

  it('is refused through the JSON api, which carries no files', async () => {
    expect((await office.clerk.fail('registers.print', { kind: 'incoming' })).code).toBe('UNKNOWN_METHOD');
    void download;
  });
});

describe('the .xlsx export', () => {
  it('gives one sheet per book with the same rows, real dates and numbers, codes as text', async () => {
    const docs = await registerMany(12);
    const vp = (await office.admin.ok('departments.create', { name: 'Văn phòng', code: 'VP' })).id;
    await office.clerk.ok('outgoing.issue', {
      type: 'CV',
      departmentId: vp,
      summary: 'V/v trả lời',
      issuedDate: '2026-03-06',
      signerName: 'Nguyễn Văn Quản',
      recipients: 'Bộ GD-ĐT',
      copies: 3,
    });
    const out = await office.backend.call({ token: office.clerk.token, transport: 'ipc' }, 'registers.export', { kind: 'incoming' });
    const file = (out.result as { value: { name: string; bytes: Uint8Array } }).value;
    expect(file.name).toBe('So-van-ban-den.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sổ văn bản đến 2026']);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).getCell(2).value).toBe('Số đến');
    expect(ws.getRow(3).getCell(1).font?.bold).toBe(true);
    const first = ws.getRow(4);
    expect(first.getCell(1).value).toEqual(new Date('2026-03-05T00:00:00Z'));
    expect(first.getCell(1).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(2).value).toBe(1);
    expect(first.getCell(4).value).toBe('1/KH-BGDĐT');
    expect(first.getCell(4).numFmt).toBe('@');
    expect(ws.rowCount).toBe(3 + docs.length);
    expect(ws.getRow(3 + docs.length).getCell(4).value).toBe('12/KH-BGDĐT');

    const outgoing = await office.backend.call({ token: office.clerk.token, transport: 'ipc' }, 'registers.export', { kind: 'outgoing' });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from((outgoing.result as { value: { bytes: Uint8Array } }).value.bytes) as never);
    const row = wb2.worksheets[0]!.getRow(4);
    expect([row.getCell(1).value, row.getCell(4).value, row.getCell(7).value]).toEqual(['01/SGDĐT-VP', 'Nguyễn Văn Quản', 3]);
  });
});
