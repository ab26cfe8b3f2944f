// Sổ theo dõi giải quyết văn bản đến, with its DOMAIN.md columns, loaded page by page.
import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { FollowUpList } from '../../../shared/api/handling.js';
import { formatDate } from '../../../shared/text/dates.js';
import { api } from '../../api/client';
import { useKeysetList } from '../../hooks/useKeysetList';
import { useTableHeight } from '../../hooks/useTableHeight';

type Row = FollowUpList['items'][number];

const columns: ColumnsType<Row> = [
  { title: 'Số đến', dataIndex: 'number', width: 80, align: 'center', render: (n: number) => <strong>{n}</strong> },
  {
    title: 'Tên loại, số, ký hiệu, ngày tháng và tên cơ quan ban hành',
    key: 'doc',
    width: 360,
    render: (_, r) => `${r.typeName} số ${r.code} ngày ${formatDate(r.issuedDate)} của ${r.agencyName}`,
  },
  { title: 'Đơn vị hoặc người nhận', dataIndex: 'handlers', width: 220 },
  {
    title: 'Thời hạn giải quyết',
    key: 'deadline',
    width: 130,
    render: (_, r) => (
      <>
        {formatDate(r.deadline)} {r.overdue && <Tag color="red">Quá hạn</Tag>}
      </>
    ),
  },
  { title: 'Tiến độ giải quyết', dataIndex: 'progress', width: 260 },
  { title: 'Số, ký hiệu văn bản trả lời', dataIndex: 'replyCode', width: 150 },
  { title: 'Ghi chú', dataIndex: 'notes', width: 160 },
];

const fetchPage = (_: null, cursor: string | null) => api.call('incoming.followUp', { limit: 100, cursor });
const NO_FILTERS = null;

export function FollowUpRegister({ onOpen }: { onOpen: (id: string) => void }) {
  const list = useKeysetList(fetchPage, NO_FILTERS);
  const { ref, height } = useTableHeight();
  return (
    <div className="vt-table-wrap" ref={ref} style={{ marginTop: 8 }}>
      <Table<Row>
        virtual
        bordered
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        pagination={false}
        loading={list.loading && list.items.length === 0}
        scroll={{ x: 1360, y: height }}
        onRow={(r) => ({ onClick: () => onOpen(r.id) })}
        onScroll={(e) => {
          const el = e.currentTarget;
          if (el.scrollHeight - el.scrollTop - el.clientHeight < 600) list.loadMore();
        }}
      />
    </div>
  );
}
