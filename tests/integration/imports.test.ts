// Importing old registers: the mapping guessed from real-looking headers (merged, two rows),
// TCVN3 and VNI converted, dates in every form, problems per row, the run into an imported
// book with the original numbers — and the shared real-world workbooks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../electron/imports/readWorkbook.js';
import { setUpOffice, type Office } from '../helpers/office.js';
import { legacyIncomingRegister, TCVN3 } from '../helpers/legacyRegister.js';
import { sharedTestdata } from '../helpers/sharedTestdata.js';

const shared = sharedTestdata('xlsx', 'the shared real-world workbooks');
const XLSX_DIR = shared.dir;
let office: Office;
beforeAll(async () => {
  office = await setUpOffice();
});
afterAll(() => office.cleanup());

const stage = async (bytes: Uint8Array, name: string) =>
  (await office.backend.imports.stage(Readable.from([Buffer.from(bytes)]), name)).uploadId;

describe('importing an old incoming register', () => {
  it('guesses the columns, converts TCVN3 and VNI, lists every row’s problems, and imports the rest with their numbers', async () => {
    const uploadId = await stage(await legacyIncomingRegister(), 'so-den-2019.xlsx');
    const p = await office.clerk.ok('imports.preview', { uploadId, kind: 'incoming' });
    expect(p.sheet).toBe('So den 2019');
    expect(p.headerRow).toBe(4);
    expect(p.mapping).toMatchObject({ receivedDate: 0, number: 1, agency: 2, code: 3, issuedDate: 4, summary: 5, recipient: 6, notes: 8 });
    expect(p.total).toBe(8);
    expect(p.valid).toBe(4);
    const problems = Object.fromEntries(p.problems.map((x) => [x.row, x.problems.join(' ')]));
    expect(problems[10]).toMatch(/Ngày đến “31\/02\/2019” không phải ngày có thật/);
    expect(problems[11]).toMatch(/Số đến 4\/2019 trùng với dòng 9/);
    expect(problems[12]).toMatch(/Thiếu tên loại và trích yếu/);
    expect(problems[13]).toMatch(/Số đến “bảy” không phải số nguyên dương/);
    expect(p.notes.join(' ')).toMatch(/TCVN3/);
    expect(p.notes.join(' ')).toMatch(/VNI/);
    expect(p.notes.join(' ')).toMatch(/Bỏ qua trang tính ẩn: “Nhap”/);
    const byRow = Object.fromEntries(p.sample.map((r) => [r.row, r.values]));
    expect(byRow[7]).toMatchObject({
      agency: 'Sở Giáo dục và Đào tạo Hà Nội',
      code: '0012/SGDĐT-VP',
      summary: 'Kế hoạch tổ chức kỳ thi chọn học sinh giỏi',
      receivedDate: '06/03/2019',
    });
    expect(byRow[8]).toMatchObject({
      agency: 'Ủy ban nhân dân huyện Đông Anh',
      summary: 'Hướng dẫn thực hiện nhiệm vụ năm học',
      receivedDate: '07/03/2019',
      issuedDate: '05/03/2019',
    });
    expect(byRow[9]).toMatchObject({ summary: 'Về việc tổ chức Hội khỏe Phù Đổng', recipient: 'Trường THCS Nguyễn Trãi' });

    const run = await office.clerk.ok('imports.run', { uploadId, kind: 'incoming', mapping: p.mapping });
    expect(run.imported).toBe(4);
    expect(run.skipped.map((s) => s.row)).toEqual([10, 11, 12, 13]);
    expect(run.books).toEqual([expect.objectContaining({ name: 'Sổ văn bản đến 2019 (nhập từ sổ cũ)', year: 2019, count: 4 })]);

    const found = (await office.specialist.ok('search.query', { q: 'so giao duc ha noi hoc sinh gioi' })).items;
    expect(found[0]?.code).toBe('0012/SGDĐT-VP');
    const doc = await office.clerk.ok('incoming.get', { id: found[0]!.id });
    expect(doc).toMatchObject({
      number: 2,
      year: 2019,
      receivedAt: '2019-03-06T01:00:00.000Z',
      issuedDate: '2019-03-04',
      status: 'hoan_thanh',
      agencyName: 'Sở Giáo dục và Đào tạo Hà Nội',
    });
    // New registrations keep their own numbering: the live book for 2026 starts at 1.
    const fresh = await office.clerk.ok('incoming.register', {
      agency: 'Sở Y tế',
      code: '1/SYT',
      type: 'CV',
      issuedDate: '2026-01-02',
      summary: 'Văn bản mới',
    });
    expect(fresh.number).toBe(1);
  });

  it('refuses the same register twice, row by row', async () => {
    const uploadId = await stage(await legacyIncomingRegister(), 'so-den-2019.xlsx');
    const p = await office.clerk.ok('imports.preview', { uploadId, kind: 'incoming' });
    expect(p.valid).toBe(0);
    expect(p.problems.find((x) => x.row === 6)?.problems).toContain('Số đến 1/2019 đã có trong sổ nhập trước đây.');
    expect((await office.clerk.fail('imports.run', { uploadId, kind: 'incoming', mapping: p.mapping })).code).toBe('VALIDATION');
  });

  it('takes a mapping the clerk corrected', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['Cột A', 'Cột B', 'Cột C', 'Cột D']);
    ws.addRow(['12/04/2018', '0007', 'Sở Tài chính', 'Thông báo kết quả thẩm định']);
    const uploadId = await stage(new Uint8Array(await wb.xlsx.writeBuffer()), 'khong-tieu-de.xlsx');
    const p = await office.clerk.ok('imports.preview', { uploadId, kind: 'incoming' });
    expect(p.notes[0]).toMatch(/Chưa chọn cột cho: Ngày đến, Số đến/);
    const mapping = { receivedDate: 0, number: 1, agency: 2, summary: 3 };
    const again = await office.clerk.ok('imports.preview', { uploadId, kind: 'incoming', mapping });
    expect(again.valid).toBe(1);
    const run = await office.clerk.ok('imports.run', { uploadId, kind: 'incoming', mapping });
    expect(run.books[0]).toMatchObject({ year: 2018, count: 1 });
    expect((await office.specialist.ok('search.query', { q: 'tham dinh' })).items[0]?.title).toMatch(/Thông báo kết quả thẩm định/);
  });

  it('reads a CSV saved in Windows-1252 with TCVN3 text, and a BIFF8 .xls by its byte patterns', async () => {
    // The header itself in the same legacy bytes, as an old PC would write it.
    const header = Buffer.from('Ngµy ®Õn;Sè ®Õn;T¸c gi¶;TrÝch yÕu\r\n', 'latin1');
    const body = Buffer.from(`02/01/2017;1;${TCVN3.so};${TCVN3.keHoach}\r\n`, 'latin1');
    const csvId = await stage(new Uint8Array(Buffer.concat([header, body])), 'so-cu.csv');
    const p = await office.clerk.ok('imports.preview', { uploadId: csvId, kind: 'incoming' });
    expect(p.columns.map((c) => c.header)).toEqual(['Ngày đến', 'Số đến', 'Tác giả', 'Trích yếu']);
    expect(p.sample[0]?.values).toMatchObject({
      agency: 'Sở Giáo dục và Đào tạo Hà Nội',
      summary: 'Kế hoạch tổ chức kỳ thi chọn học sinh giỏi',
      receivedDate: '02/01/2017',
    });

    const sheet = XLSX.utils.aoa_to_sheet([
      ['Ngày đến', 'Số đến', 'Tác giả', 'Số ký hiệu', 'Trích yếu'],
      ['03/01/2016', 1, TCVN3.so, '0045/SGDĐT', TCVN3.keHoach],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Sheet1');
    const xls = XLSX.write(book, { bookType: 'biff8', type: 'buffer' }) as Buffer;
    const xlsId = await stage(new Uint8Array(xls), 'so-cu.xls');
    const q = await office.clerk.ok('imports.preview', { uploadId: xlsId, kind: 'incoming' });
    expect(q.sample[0]?.values).toMatchObject({ agency: 'Sở Giáo dục và Đào tạo Hà Nội', code: '0045/SGDĐT' });
  });

  it('imports an outgoing register: the number from the code, the type from its symbol', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Di');
    ws.addRow([
      'Số, ký hiệu văn bản',
      'Ngày tháng văn bản',
      'Tên loại và trích yếu nội dung văn bản',
      'Người ký',
      'Nơi nhận văn bản',
      'Đơn vị, người nhận bản lưu',
      'Số lượng bản',
    ]);
    ws.addRow(['15/QĐ-PGDĐT', '12/05/2020', 'Quyết định khen thưởng giáo viên giỏi', 'Nguyễn Văn A', 'Các trường', 'Văn phòng', 20]);
    ws.addRow(['16/PGDĐT-VP', '13/05/2020', 'V/v tổng kết năm học', 'Nguyễn Văn A', 'Các trường', 'Văn phòng', 'nhiều']);
    const uploadId = await stage(new Uint8Array(await wb.xlsx.writeBuffer()), 'so-di-2020.xlsx');
    const p = await office.clerk.ok('imports.preview', { uploadId, kind: 'outgoing' });
    expect(p.mapping).toMatchObject({ code: 0, issuedDate: 1, summary: 2, signer: 3, recipients: 4, recipient: 5, copies: 6 });
    expect(p.problems).toEqual([{ row: 3, problems: ['Số lượng bản “nhiều” không phải số nguyên dương.'] }]);
    const run = await office.clerk.ok('imports.run', { uploadId, kind: 'outgoing', mapping: p.mapping });
    expect(run.books[0]).toMatchObject({ name: 'Sổ văn bản đi 2020 (nhập từ sổ cũ)', count: 1 });
    const hit = (await office.specialist.ok('search.query', { q: '15/QĐ-PGDĐT' })).items[0]!;
    const doc = await office.clerk.ok('outgoing.get', { id: hit.id });
    expect(doc).toMatchObject({ number: 15, year: 2020, typeCode: 'QĐ', signerName: 'Nguyễn Văn A', copies: 20 });
  });
});

describe.skipIf(!shared.present)('the shared real-world workbooks', () => {
  const read = (f: string) => readWorkbook(new Uint8Array(readFileSync(join(XLSX_DIR, f))), f);
  const preview = async (f: string) =>
    office.clerk.raw('imports.preview', { uploadId: await stage(new Uint8Array(readFileSync(join(XLSX_DIR, f))), f), kind: 'incoming' });

  it('refuses a password, a malformed part and a zip without a workbook, clearly', async () => {
    for (const [f, why] of [
      ['sheetjs__password_2002_40_xor.xls', /mật khẩu/],
      ['exceljs__invalid-xml.xlsx', /bị hỏng/],
      ['exceljs__missing-bits.xlsx', /bị hỏng/],
    ] as const) {
      const r = await preview(f);
      expect(r.ok, f).toBe(false);
      if (!r.ok) {
        expect(r.error.code, f).toBe('FILE_UNREADABLE');
        expect(r.error.message, f).toMatch(why);
      }
    }
  });

  it('honours the 1904 date system and Excel’s 1900 one', async () => {
    const [d1904, d1900] = [await read('sheetjs__1904_1904.xlsx'), await read('sheetjs__1904_1900.xlsx')];
    expect(d1904.date1904).toBe(true);
    expect((d1904.sheets[0]!.rows[1]![1] as Date).toISOString().slice(0, 10)).toBe('1904-01-12');
    expect((d1900.sheets[0]!.rows[1]![1] as Date).toISOString().slice(0, 10)).toBe('1900-01-10');
    const serial0 = (await read('exceljs__1904.xlsx')).sheets[0]!.rows[3]![1] as Date;
    expect(serial0.toISOString().slice(0, 10)).toBe('1904-01-01');
  });

  it('keeps merged ranges in their columns, numbers stored as text as text, cached formula results', async () => {
    const merged = (await read('sheetjs__merge_cells.xlsx')).sheets[0]!.rows;
    expect(merged[0]!.slice(0, 4)).toEqual(['A1:B2', 'A1:B2', 'C1:C2', 'Separate blocks']);
    expect(merged[1]!.slice(0, 3)).toEqual(['A1:B2', 'A1:B2', 'C1:C2']);
    const xls = (await read('sheetjs__merge_cells.xls')).sheets[0]!.rows;
    expect(xls[0]!.slice(0, 3)).toEqual(['A1:B2', 'A1:B2', 'C1:C2']);
    const text = (await read('sheetjs__text_and_numbers.xlsx')).sheets[0]!.rows;
    expect(text[1]!.slice(0, 3)).toEqual(['Hebrew', 'שלום', 'עולם']); // not mistaken for legacy Vietnamese
    expect(text[3]!.slice(0, 3)).toEqual([1337, 13.37, 1337]);
    const formulas = (await read('sheetjs__formulae_test_simple.xlsx')).sheets[0]!.rows;
    expect(formulas.flat().every((v) => v === null || v === undefined || typeof v !== 'object' || v instanceof Date)).toBe(true);
    const errors = (await read('sheetjs__ErrorTypes.xlsx')).sheets[0]!.rows;
    expect(errors.flat()).toContain('#DIV/0!');
  });

  it('follows a workbook’s relationships, skips chart and empty sheets, reads a damaged CFB', async () => {
    expect((await read('sheetjs__wtf_path.xlsx')).sheets.map((s) => s.name)).toContain('SheetJS');
    expect((await read('exceljs__chart-sheet.xlsx')).sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect((await read('sheetjs__phpexcel_bad_cfb_dir.xls')).sheets[0]!.rows[0]![3]).toBe('Başlık');
    const blank = await preview('sheetjs__BlankSheetTypes.xls');
    expect(blank.ok ? null : blank.error.message).toMatch(/không có trang tính nào có dữ liệu/);
    const hidden = await read('sheetjs__sheet_visibility.xlsx');
    expect(hidden.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Visible', false],
      ['Hidden', true],
      ['VeryHidden', true],
    ]);
  });
});
