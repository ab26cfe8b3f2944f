// The admin's report of access by user and period, printed (A4 landscape, the house table).
import { accessReport } from '../../db/access/accessLog.js';
import { currentUnit } from '../../db/admin/users.js';
import type { Store } from '../../db/core/store.js';
import { formatDate, formatInstant, officeDate } from '../../shared/text/dates.js';
import { printTable } from '../pdf/registerPdf.js';

export async function printAccessReport(store: Store, from: string, to: string) {
  const rows = accessReport(store, from, to);
  const title = 'BÁO CÁO TRUY CẬP TÀI LIỆU';
  const period = `Từ ngày ${formatDate(from)} đến ngày ${formatDate(to)}`;
  const bytes = await printTable({
    title,
    footer: `${title.toLocaleLowerCase('vi')} — ${period}`,
    cover: null,
    heading: [title, currentUnit(store).name, `${period} · Lập ngày ${formatDate(officeDate(store.now()))}`],
    columns: [
      { title: 'STT', width: 30, align: 'center', type: 'number' },
      { title: 'Người dùng', width: 170 },
      { title: 'Lượt xem', width: 60, align: 'center', type: 'number' },
      { title: 'Lượt tải về', width: 60, align: 'center', type: 'number' },
      { title: 'Lượt in', width: 60, align: 'center', type: 'number' },
      { title: 'Số văn bản, hồ sơ', width: 70, align: 'center', type: 'number' },
      { title: 'Lần cuối', width: 90, align: 'center' },
    ],
    rows: rows.map((r, i) => [
      { text: String(i + 1) },
      { text: r.userName ?? r.userId },
      { text: String(r.views) },
      { text: String(r.downloads) },
      { text: String(r.prints) },
      { text: String(r.things) },
      { text: formatInstant(r.lastAt) },
    ]),
  });
  return { name: `Bao-cao-truy-cap-${from}-${to}.pdf`, mime: 'application/pdf', bytes };
}
