// The outgoing register's columns, in the order of PL IV of Decree 30/2020.
import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { DocumentRecord } from '../../../shared/api/documents.js';
import { CONFIDENTIALITY_LABELS } from '../../../shared/domain/enums.js';
import { formatDate } from '../../../shared/text/dates.js';

export const outgoingColumns: ColumnsType<DocumentRecord> = [
  {
    title: 'Số, ký hiệu văn bản',
    dataIndex: 'code',
    width: 150,
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
  { title: 'Ngày tháng văn bản', dataIndex: 'issuedDate', width: 110, render: (v: string) => formatDate(v) },
  {
    title: 'Tên loại và trích yếu nội dung văn bản',
    key: 'summary',
    width: 380,
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
    width: 160,
    render: (_: unknown, d) => [d.signerPrefix, d.signerPosition, d.signerName].filter(Boolean).join(' '),
  },
  { title: 'Nơi nhận văn bản', dataIndex: 'recipientsText', width: 200, ellipsis: true },
  { title: 'Đơn vị, người nhận bản lưu', dataIndex: 'keptCopies', width: 140, ellipsis: true },
  { title: 'Số lượng bản', dataIndex: 'copies', width: 80, align: 'center' },
  { title: 'Ngày chuyển', key: 'sent', width: 90, render: () => '' },
  { title: 'Ký nhận', key: 'signed', width: 80, render: () => '' },
  {
    title: 'Ghi chú',
    key: 'notes',
    width: 160,
    render: (_: unknown, d) => (d.cancelled ? `Đã hủy${d.cancelReason ? `: ${d.cancelReason}` : ''}` : d.notes),
  },
];

export const outgoingTableWidth = outgoingColumns.reduce((sum, c) => sum + Number(c.width ?? 100), 0);
