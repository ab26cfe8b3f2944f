// Sổ theo dõi liên thông (#18): every message sent and received electronically, each status
// with its time, as a printed register (A4 landscape, the house table) for the period asked.
import { EXCHANGE_STATE_LABELS, type ExchangeMessage } from '../../shared/api/exchange.js';
import { STATUS_LABELS } from '../../shared/domain/exchange.js';
import { formatDate, formatInstant, officeDate } from '../../shared/text/dates.js';
import { currentUnit } from '../../db/admin/users.js';
import type { Store } from '../../db/core/store.js';
import { listMessages } from '../../db/exchange/messages.js';
import type { RegisterCell, RegisterColumn } from '../../db/registers/registerRows.js';
import { printTable } from '../pdf/registerPdf.js';

const COLUMNS: RegisterColumn[] = [
  { title: 'STT', width: 26, align: 'center', type: 'number' },
  { title: 'Thời gian', width: 62, align: 'center' },
  { title: 'Gửi / nhận', width: 44, align: 'center' },
  { title: 'Cơ quan (mã định danh)', width: 120 },
  { title: 'Số, ký hiệu văn bản', width: 86 },
  { title: 'Văn bản hoặc trạng thái', width: 210 },
  { title: 'Qua', width: 52, align: 'center' },
  { title: 'Tình trạng', width: 90 },
];

const VIA = { file: 'Tệp', server: 'Máy chủ', axis: 'Trục' } as const;
const BUSINESS = { new: '', revoke: 'Thu hồi: ', update: 'Cập nhật: ', replace: 'Thay thế: ' } as const;

function what(m: ExchangeMessage): string {
  if (m.kind === 'status')
    return `Trạng thái ${m.statusCode} ${m.statusCode ? STATUS_LABELS[m.statusCode] : ''}${m.description ? ` — ${m.description}` : ''}`;
  const summary = m.metadataOnly ? '(văn bản mật — chỉ thông tin)' : (m.header?.summary ?? '');
  return `${BUSINESS[m.business ?? 'new']}${summary}${m.attachments.length ? ` (${m.attachments.length} tệp)` : ''}`;
}

function row(m: ExchangeMessage, i: number): RegisterCell[] {
  const code = m.header?.code ?? m.edxmlId?.split(',').slice(2).join(',') ?? '';
  return [
    { text: String(i + 1), value: i + 1 },
    { text: formatInstant(m.direction === 'out' ? (m.sentAt ?? m.at) : m.at) },
    { text: m.direction === 'out' ? 'Gửi đi' : 'Nhận về' },
    { text: `${m.peerName ?? ''}${m.peerOrganId ? ` (${m.peerOrganId})` : ''}` },
    { text: code },
    { text: what(m) },
    { text: VIA[m.transport] },
    { text: `${EXCHANGE_STATE_LABELS[m.state]}${m.error ? ` — ${m.error}` : ''}` },
  ];
}

export async function exchangeLogFile(store: Store, input: { from?: string | undefined; to?: string | undefined }) {
  // The office's days (UTC+7), as every register counts them.
  const dayStart = (iso: string, plus = 0) => new Date(Date.parse(`${iso}T00:00:00+07:00`) + plus * 86_400_000).toISOString();
  const messages = listMessages(store, {
    since: input.from ? dayStart(input.from) : undefined,
    before: input.to ? dayStart(input.to, 1) : undefined,
    limit: 100_000,
  }).reverse();
  const title = 'SỔ THEO DÕI VĂN BẢN ĐIỆN TỬ GỬI, NHẬN LIÊN THÔNG';
  const period = `Từ ngày ${formatDate(input.from) || '…'} đến ngày ${formatDate(input.to) || formatDate(officeDate(store.now()))}`;
  const bytes = await printTable({
    title,
    footer: title.toLocaleLowerCase('vi'),
    cover: null,
    heading: [title, currentUnit(store).name, `${period} · In ngày ${formatDate(officeDate(store.now()))}`],
    columns: COLUMNS,
    rows: messages.map(row),
  });
  return { name: `So-theo-doi-lien-thong-${officeDate(store.now())}.pdf`, mime: 'application/pdf', bytes };
}
