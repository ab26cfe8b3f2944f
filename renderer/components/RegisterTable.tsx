// A register as a virtualised table that loads its next keyset page as it nears the bottom,
// with the status line under it. Used by the incoming, outgoing and follow-up registers.
import { Alert, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTableHeight } from '../hooks/useTableHeight';

interface Listing<T> {
  items: T[];
  loading: boolean;
  error: string | null;
  done: boolean;
  loadMore(): void;
}

export function RegisterTable<T extends { id: string; cancelled?: boolean }>(props: {
  list: Listing<T>;
  columns: ColumnsType<T>;
  width: number;
  emptyText: string;
  hint?: ReactNode;
  onRowClick?: (row: T) => void;
  onRowDoubleClick?: (row: T) => void;
}) {
  const { list } = props;
  const { ref, height } = useTableHeight();
  return (
    <>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 8 }} />}
      <div className="vt-table-wrap" ref={ref}>
        <Table<T>
          virtual
          size="small"
          bordered
          rowKey="id"
          columns={props.columns}
          dataSource={list.items}
          pagination={false}
          loading={list.loading && list.items.length === 0}
          scroll={{ x: props.width, y: height }}
          rowClassName={(d) => (d.cancelled ? 'vt-cancelled' : '')}
          locale={{ emptyText: props.emptyText }}
          onRow={(d) => ({ onClick: () => props.onRowClick?.(d), onDoubleClick: () => props.onRowDoubleClick?.(d) })}
          onScroll={(e) => {
            const el = e.currentTarget;
            if (el.scrollHeight - el.scrollTop - el.clientHeight < 600) list.loadMore();
          }}
        />
      </div>
      <Typography.Text className="vt-status" data-testid="register-status">
        {list.loading
          ? 'Đang tải…'
          : `Đã hiện ${list.items.length.toLocaleString('vi-VN')} văn bản${list.done ? '' : ' — cuộn xuống để xem tiếp'}`}
        {props.hint}
      </Typography.Text>
    </>
  );
}
