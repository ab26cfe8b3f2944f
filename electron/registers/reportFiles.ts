// The summary report as the office files it: PDF titled and dated, or .xlsx.
import { REPORT_GROUP_LABELS, type Report } from '../../shared/api/reports.js';
import { formatDate, officeDate } from '../../shared/text/dates.js';
import type { RegisterCell, RegisterColumn } from '../../db/registers/registerRows.js';
import { summaryReport } from '../../db/reports/reports.js';
import type { Store } from '../../db/core/store.js';
import { currentUnit } from '../../db/admin/users.js';
import { printTable } from '../pdf/registerPdf.js';
import { writeWorkbook } from './exportXlsx.js';

function table(report: Report) {
  const columns: RegisterColumn[] = [
    { title: REPORT_GROUP_LABELS[report.groupBy], width: 260 },
    { title: 'Văn bản đến', width: 80, align: 'center', type: 'number' },
    { title: 'Văn bản đi', width: 80, align: 'center', type: 'number' },
    { title: 'Giải quyết đúng hạn', width: 90, align: 'center', type: 'number' },
    { title: 'Giải quyết trễ hạn', width: 90, align: 'center', type: 'number' },
    { title: 'Đang giải quyết', width: 90, align: 'center', type: 'number' },
    { title: 'Quá hạn', width: 80, align: 'center', type: 'number' },
  ];
  const cells = (r: Report['total']): RegisterCell[] => [
    { text: r.label },
    ...[r.incoming, r.outgoing, r.onTime, r.late, r.open, r.overdue].map((n) => ({ text: String(n), value: n })),
  ];
  return { columns, rows: [...report.rows.map(cells), cells(report.total)] };
}

export async function reportFile(store: Store, input: { from: string; to: string; groupBy: Report['groupBy']; format: 'pdf' | 'xlsx' }) {
  const report = summaryReport(store, input);
  const unit = currentUnit(store).name;
  const title = 'BÁO CÁO TÌNH HÌNH TIẾP NHẬN, GIẢI QUYẾT VĂN BẢN';
  const period = `Từ ngày ${formatDate(input.from)} đến ngày ${formatDate(input.to)}`;
  const today = officeDate(store.now());
  const dated = `Lập ngày ${formatDate(today)}`;
  const { columns, rows } = table(report);
  const stem = `Bao-cao-van-ban-${input.from}-${input.to}`;
  if (input.format === 'xlsx') {
    const bytes = await writeWorkbook(
      [{ name: 'Báo cáo', title: `${title} — ${period}`, subtitle: `${unit} · ${dated}`, columns, rows }],
      unit,
    );
    return { name: `${stem}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes };
  }
  const bytes = await printTable({
    title,
    footer: `${title.toLocaleLowerCase('vi')} — ${period}`,
    cover: null,
    heading: [title, unit, `${period} · ${dated}`],
    columns,
    rows,
  });
  return { name: `${stem}.pdf`, mime: 'application/pdf', bytes };
}
