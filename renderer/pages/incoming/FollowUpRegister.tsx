// Sổ theo dõi giải quyết văn bản đến, with its DOMAIN.md columns, loaded page by page.
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { FollowUpList } from '../../../shared/api/handling.js';
import { formatDate } from '../../../shared/text/dates.js';
import { api } from '../../api/client';
import { useKeysetList } from '../../hooks/useKeysetList';
import { RegisterTable } from '../../components/RegisterTable';

type Row = FollowUpList['items'][number];

const columns: ColumnsType<Row> = [
  { title: 'Số đến', dataIndex: 'number', width: 54, align: 'center', render: (n: number) => <strong>{n}</strong> },
  {
    title: 'Tên loại, số, ký hiệu, ngày tháng và tên cơ quan ban hành',
    key: 'doc',
    width: 290,
    render: (_, r) => `${r.typeName} số ${r.code} ngày ${formatDate(r.issuedDate)} của ${r.agencyName}`,
  },
  { title: 'Đơn vị hoặc người nhận', dataIndex: 'handlers', width: 160 },
  {
    title: 'Thời hạn giải quyết',
    key: 'deadline',
    width: 100,
    render: (_, r) => (
      <>
        {formatDate(r.deadline)} {r.overdue && <Tag color="red">Quá hạn</Tag>}
      </>
    ),
  },
  { title: 'Tiến độ giải quyết', dataIndex: 'progress', width: 220 },
  { title: 'Số, ký hiệu văn bản trả lời', dataIndex: 'replyCode', width: 118, className: 'vt-code' },
  { title: 'Ghi chú', dataIndex: 'notes', width: 96 },
];

const width = columns.reduce((sum, c) => sum + Number(c.width ?? 100), 0);
const fetchPage = (_: null, cursor: string | null) => api.call('incoming.followUp', { limit: 100, cursor });
const NO_FILTERS = null;

export function FollowUpRegister({ onOpen }: { onOpen: (id: string) => void }) {
  const list = useKeysetList(fetchPage, NO_FILTERS);
  return (
    <RegisterTable<Row>
      list={list}
      columns={columns}
      width={width}
      label="Sổ theo dõi giải quyết văn bản đến"
      emptyText="Chưa có văn bản đến nào phải theo dõi giải quyết."
      onRowClick={(r) => onOpen(r.id)}
    />
  );
}
