// The incoming register's columns, in the order of PL IV of Decree 30/2020.
import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { DocumentRecord } from '../../../shared/api/documents.js';
import { registerNote } from '../../../shared/domain/withdrawn.js';
import { CONFIDENTIALITY_LABELS, URGENCY_LABELS } from '../../../shared/domain/enums.js';
import { formatDate, formatInstant } from '../../../shared/text/dates.js';

const URGENCY_COLORS = { thuong: '', khan: 'orange', thuong_khan: 'volcano', hoa_toc: 'red' } as const;

/** A date with its time under it, as the register shows an arrival. */
export function dateAndTime(v: string | null) {
  if (!v) return '';
  const [date, time] = formatInstant(v).split(' ');
  return (
    <>
      {date}
      <div className="vt-time">{time}</div>
    </>
  );
}

export const clamped = (v: string | null) => (
  <div className="vt-clamp" title={v ?? undefined}>
    {v}
  </div>
);

// Widths are each column's share: they fill the table, and at 1366×768 (a 1,100 px table) all
// ten decree columns fit without a horizontal scrollbar, the long texts wrapping.
export const incomingColumns: ColumnsType<DocumentRecord> = [
  { title: 'Ngày đến', dataIndex: 'receivedAt', width: 88, className: 'vt-date', render: dateAndTime },
  { title: 'Số đến', dataIndex: 'number', width: 54, align: 'center', render: (n: number) => <strong>{n}</strong> },
  { title: 'Tác giả', dataIndex: 'agencyName', width: 118, render: clamped },
  { title: 'Số, ký hiệu văn bản', dataIndex: 'code', width: 118, className: 'vt-code' },
  { title: 'Ngày tháng văn bản', dataIndex: 'issuedDate', width: 88, className: 'vt-date', render: (v: string) => formatDate(v) },
  {
    title: 'Tên loại và trích yếu nội dung văn bản',
    key: 'summary',
    width: 226,
    render: (_: unknown, d) => (
      <div className="vt-summary">
        {d.urgency !== 'thuong' && <Tag color={URGENCY_COLORS[d.urgency]}>{URGENCY_LABELS[d.urgency]}</Tag>}
        {d.confidentiality !== 'thuong' && <Tag color="purple">{CONFIDENTIALITY_LABELS[d.confidentiality]}</Tag>}
        <Typography.Text strong>{d.typeName}</Typography.Text> {d.summary}
      </div>
    ),
  },
  { title: 'Đơn vị hoặc người nhận', dataIndex: 'recipient', width: 104, render: clamped },
  { title: 'Ngày chuyển', dataIndex: 'forwardedAt', width: 88, className: 'vt-date', render: dateAndTime },
  { title: 'Ký nhận', key: 'signed', width: 52, render: () => '' },
  {
    title: 'Ghi chú',
    key: 'notes',
    width: 96,
    render: (_: unknown, d) => clamped(registerNote(d)),
  },
];

export const incomingTableWidth = incomingColumns.reduce((sum, c) => sum + Number(c.width ?? 100), 0);
