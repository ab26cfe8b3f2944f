// The outgoing register's columns, in the order of PL IV of Decree 30/2020.
import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { DocumentRecord } from '../../../shared/api/documents.js';
import { registerNote } from '../../../shared/domain/withdrawn.js';
import { CONFIDENTIALITY_LABELS } from '../../../shared/domain/enums.js';
import { formatDate } from '../../../shared/text/dates.js';
import { clamped, dateAndTime } from '../incoming/registerColumns';
import { Receipts } from '../exchange/Receipts';

export const outgoingColumns: ColumnsType<DocumentRecord> = [
  {
    title: 'Số, ký hiệu văn bản',
    dataIndex: 'code',
    width: 118,
    className: 'vt-code',
    render: (code: string, d) => (
      <>
        <strong>{code}</strong>
        {d.status === 'da_cap_so' && !d.cancelled && (
          <div>
            <Tag color="gold">Đã lấy số</Tag>
          </div>
        )}
      </>
    ),
  },
  { title: 'Ngày tháng văn bản', dataIndex: 'issuedDate', width: 88, className: 'vt-date', render: (v: string) => formatDate(v) },
  {
    title: 'Tên loại và trích yếu nội dung văn bản',
    key: 'summary',
    width: 210,
    render: (_: unknown, d) => (
      <div className="vt-summary">
        {d.confidentiality !== 'thuong' && <Tag color="purple">{CONFIDENTIALITY_LABELS[d.confidentiality]}</Tag>}
        <Typography.Text strong>{d.typeName}</Typography.Text> {d.summary}
      </div>
    ),
  },
  {
    title: 'Người ký',
    key: 'signer',
    width: 110,
    render: (_: unknown, d) => clamped([d.signerPrefix, d.signerPosition, d.signerName].filter(Boolean).join(' ')),
  },
  { title: 'Nơi nhận văn bản', dataIndex: 'recipientsText', width: 130, render: clamped },
  { title: 'Đơn vị, người nhận bản lưu', dataIndex: 'keptCopies', width: 92, render: clamped },
  { title: 'Số lượng bản', dataIndex: 'copies', width: 56, align: 'center' },
  { title: 'Ngày chuyển', dataIndex: 'forwardedAt', width: 88, className: 'vt-date', render: dateAndTime },
  { title: 'Ký nhận', key: 'signed', width: 120, render: (_: unknown, d) => (d.receipts ? <Receipts receipts={d.receipts} /> : '') },
  {
    title: 'Ghi chú',
    key: 'notes',
    width: 96,
    render: (_: unknown, d) => clamped(registerNote(d)),
  },
];

export const outgoingTableWidth = outgoingColumns.reduce((sum, c) => sum + Number(c.width ?? 100), 0);
