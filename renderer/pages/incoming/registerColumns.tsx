// The incoming register's columns, in the order of PL IV of Decree 30/2020.
import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { DocumentRecord } from '../../../shared/api/documents.js';
import { CONFIDENTIALITY_LABELS, URGENCY_LABELS } from '../../../shared/domain/enums.js';
import { formatDate, formatInstant } from '../../../shared/text/dates.js';

const URGENCY_COLORS = { thuong: '', khan: 'orange', thuong_khan: 'volcano', hoa_toc: 'red' } as const;

export const incomingColumns: ColumnsType<DocumentRecord> = [
  {
    title: 'Ngày đến',
    dataIndex: 'receivedAt',
    width: 110,
    render: (v: string) => {
      const [date, time] = formatInstant(v).split(' ');
      return (
        <>
          {date}
          <div style={{ color: '#999', fontSize: 12 }}>{time}</div>
        </>
      );
    },
  },
  { title: 'Số đến', dataIndex: 'number', width: 80, align: 'center', render: (n: number) => <strong>{n}</strong> },
  { title: 'Tác giả', dataIndex: 'agencyName', width: 200, ellipsis: true },
  { title: 'Số, ký hiệu văn bản', dataIndex: 'code', width: 160 },
  { title: 'Ngày tháng văn bản', dataIndex: 'issuedDate', width: 110, render: (v: string) => formatDate(v) },
  {
    title: 'Tên loại và trích yếu nội dung văn bản',
    key: 'summary',
    width: 420,
    render: (_: unknown, d) => (
      <div className="vt-summary">
        {d.urgency !== 'thuong' && <Tag color={URGENCY_COLORS[d.urgency]}>{URGENCY_LABELS[d.urgency]}</Tag>}
        {d.confidentiality !== 'thuong' && <Tag color="purple">{CONFIDENTIALITY_LABELS[d.confidentiality]}</Tag>}
        <Typography.Text strong>{d.typeName}</Typography.Text> {d.summary}
      </div>
    ),
  },
  { title: 'Đơn vị hoặc người nhận', dataIndex: 'recipient', width: 160, ellipsis: true },
  { title: 'Ngày chuyển', key: 'forwardedAt', width: 100, render: () => '' },
  { title: 'Ký nhận', key: 'signed', width: 90, render: () => '' },
  {
    title: 'Ghi chú',
    key: 'notes',
    width: 180,
    render: (_: unknown, d) => (d.cancelled ? `Đã hủy${d.cancelReason ? `: ${d.cancelReason}` : ''}` : d.notes),
  },
];

export const incomingTableWidth = incomingColumns.reduce((sum, c) => sum + Number(c.width ?? 100), 0);
