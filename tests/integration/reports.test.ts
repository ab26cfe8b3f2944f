// The periodic report and the dashboard, against a hand-made office whose figures are known.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../helpers/tempStore.js';
import { SAMPLE, setUpOffice, type Office } from '../helpers/office.js';
import { pageTexts } from '../helpers/pdfPages.js';

let office: Office;
const clock = manualClock('2026-11-23T02:00:00Z'); // Monday

beforeAll(async () => {
  office = await setUpOffice({ now: clock.now });
  const toan = (await office.admin.ok('departments.create', { name: 'Tổ Toán', code: 'TOAN' })).id;
  const vp = (await office.admin.ok('departments.create', { name: 'Văn phòng', code: 'VP' })).id;
  const leaderId = (await office.admin.ok('users.list')).find((u) => u.username === 'lanhdao')!.id;
  const reg = (code: string, type: string, agency: string) => office.clerk.ok('incoming.register', { ...SAMPLE, code, type, agency });
  const assign = async (id: string, departmentId: string, deadline: string) => {
    await office.clerk.ok('incoming.submit', { id, leaderId });
    await office.leader.ok('incoming.assign', { id, direction: 'Xử lý', lead: { departmentId, deadline } });
    return (await office.clerk.ok('incoming.handling', { id })).tasks[0]!.id;
  };
  const a = await reg('1/KH-BGDĐT', 'KH', 'Bộ Giáo dục và Đào tạo');
  const b = await reg('2/SGDĐT-VP', 'CV', 'Sở Giáo dục và Đào tạo');
  const c = await reg('3/SGDĐT-VP', 'CV', 'Sở Giáo dục và Đào tạo');
  const d = await reg('4/QĐ-UBND', 'QĐ', 'UBND huyện');
  await reg('5/SGDĐT-VP', 'CV', 'Sở Giáo dục và Đào tạo'); // never assigned: still open
  const ta = await assign(a.id, toan, '2026-11-25');
  const tb = await assign(b.id, vp, '2026-11-24');
  await assign(c.id, vp, '2026-11-30');
  await assign(d.id, toan, '2026-11-25');
  await office.clerk.ok('outgoing.issue', {
    type: 'CV',
    departmentId: vp,
    summary: 'V/v báo cáo',
    issuedDate: '2026-11-23',
    signerName: 'Nguyễn Văn Quản',
    recipients: 'Sở',
  });
  await office.clerk.ok('outgoing.issue', {
    type: 'BC',
    departmentId: vp,
    summary: 'Báo cáo tháng',
    issuedDate: '2026-11-23',
    signerName: 'Nguyễn Văn Quản',
    recipients: 'Sở',
  });
  clock.set('2026-11-24T02:00:00Z');
  await office.admin.ok('tasks.complete', { taskId: ta, result: 'Xong' }); // on time
  clock.set('2026-11-26T02:00:00Z');
  await office.admin.ok('tasks.complete', { taskId: tb, result: 'Xong muộn' }); // late
});
afterAll(() => office.cleanup());

const period = { from: '2026-11-01', to: '2026-11-30' };
const pick = (r: { label: string; incoming: number; outgoing: number; onTime: number; late: number; open: number; overdue: number }) => [
  r.label,
  r.incoming,
  r.outgoing,
  r.onTime,
  r.late,
  r.open,
  r.overdue,
];

describe('reports.summary', () => {
  it('counts by type: received, issued, on time, late, open, overdue', async () => {
    const r = await office.leader.ok('reports.summary', { ...period, groupBy: 'type' });
    expect(r.rows.map(pick)).toEqual([
      ['Công văn', 3, 1, 0, 1, 2, 0],
      ['Báo cáo', 0, 1, 0, 0, 0, 0],
      ['Kế hoạch', 1, 0, 1, 0, 0, 0],
      ['Quyết định', 1, 0, 0, 0, 0, 1],
    ]);
    expect(pick(r.total)).toEqual(['Tổng cộng', 5, 2, 1, 1, 2, 1]);
  });

  it('groups by agency, department and month', async () => {
    const byAgency = await office.leader.ok('reports.summary', { ...period, groupBy: 'agency' });
    expect(byAgency.rows.map((r) => [r.label, r.incoming, r.outgoing])).toEqual([
      ['Sở Giáo dục và Đào tạo', 3, 0],
      ['Văn bản đi của cơ quan', 0, 2],
      ['Bộ Giáo dục và Đào tạo', 1, 0],
      ['UBND huyện', 1, 0],
    ]);
    const byDep = await office.leader.ok('reports.summary', { ...period, groupBy: 'department' });
    expect(Object.fromEntries(byDep.rows.map((r) => [r.label, [r.incoming + r.outgoing, r.overdue]]))).toEqual({
      'Tổ Toán': [2, 1],
      'Văn phòng': [2, 0],
      'Chưa giao': [1, 0],
      'Văn bản đi': [2, 0],
    });
    const byMonth = await office.leader.ok('reports.summary', { ...period, groupBy: 'month' });
    expect(byMonth.rows.map(pick)).toEqual([['11/2026', 5, 2, 1, 1, 2, 1]]);
    expect((await office.leader.ok('reports.summary', { from: '2026-10-01', to: '2026-10-31', groupBy: 'type' })).rows).toEqual([]);
  });

  it('refuses a period that runs backwards and a specialist', async () => {
    expect((await office.leader.fail('reports.summary', { from: '2026-12-01', to: '2026-11-01', groupBy: 'type' })).message).toContain(
      'Từ ngày phải trước',
    );
    expect((await office.specialist.fail('reports.summary', { ...period, groupBy: 'type' })).code).toBe('FORBIDDEN');
  });

  it('exports the report titled and dated, as PDF and as .xlsx', async () => {
    const get = async (format: 'pdf' | 'xlsx') => {
      const out = await office.backend.call({ token: office.leader.token, transport: 'ipc' }, 'reports.export', {
        ...period,
        groupBy: 'type',
        format,
      });
      return (out.result as { value: { bytes: Uint8Array; name: string } }).value;
    };
    const pdf = await get('pdf');
    const text = (await pageTexts(pdf.bytes)).join(' ');
    expect(text).toContain('BÁO CÁO TÌNH HÌNH TIẾP NHẬN, GIẢI QUYẾT VĂN BẢN');
    expect(text).toContain('Từ ngày 01/11/2026 đến ngày 30/11/2026');
    expect(text).toContain('Lập ngày 26/11/2026');
    expect(text).toMatch(/Tổng cộng 5 2 1 1 2 1/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await get('xlsx')).bytes) as never);
    const ws = wb.worksheets[0]!;
    const total = ws.getRow(ws.rowCount);
    expect([total.getCell(1).value, total.getCell(2).value, total.getCell(7).value]).toEqual(['Tổng cộng', 5, 1]);
  });
});

describe('dashboard.overview', () => {
  it('gives today’s counts, what waits, what is due soon and late, by department', async () => {
    const o = await office.leader.ok('dashboard.overview');
    expect([o.today, o.incomingToday, o.outgoingToday, o.dueSoon, o.overdue]).toEqual(['2026-11-26', 0, 0, 1, 1]);
    expect(o.byDepartment.find((d) => d.name === 'Tổ Toán')).toMatchObject({ open: 1, overdue: 1 });
    expect(o.lastDays.find((d) => d.date === '2026-11-23')).toEqual({ date: '2026-11-23', incoming: 5, outgoing: 2 });
    expect(o.lastDays).toHaveLength(14);
  });
});
