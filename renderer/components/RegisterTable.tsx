// A register as a virtualised table that loads its next keyset page as it nears the bottom,
// walked from the keyboard (useRowCursor), with the status line under it. Used by the
// incoming, outgoing and follow-up registers.
import { Alert, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useRef, type ReactNode } from 'react';
import { useRowCursor } from '../hooks/useRowCursor';
import { useTableHeight } from '../hooks/useTableHeight';

interface Listing<T> {
  items: T[];
  loading: boolean;
  error: string | null;
  done: boolean;
  loadMore(): void;
}

type TableRef = { scrollTo: (c: { index: number }) => void };

export function RegisterTable<T extends { id: string; cancelled?: boolean; recalledAt?: string | null }>(props: {
  list: Listing<T>;
  columns: ColumnsType<T>;
  width: number;
  /** What the table is, read aloud when it takes the focus. */
  label: string;
  emptyText: string;
  hint?: ReactNode;
  /** What the status line counts. */
  noun?: string;
  onRowClick?: (row: T) => void;
  onRowDoubleClick?: (row: T) => void;
}) {
  const { list, noun = 'văn bản' } = props;
  const { ref, height } = useTableHeight();
  const table = useRef<TableRef>(null);
  const cursor = useRowCursor({
    rows: list.items,
    idPrefix: 'vt-row',
    onOpen: props.onRowClick,
    onEdit: props.onRowDoubleClick,
    onNearEnd: () => !list.done && list.loadMore(),
    scrollTo: (index) => table.current?.scrollTo({ index }),
    frame: ref,
  });
  return (
    <>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 8 }} />}
      <div
        className="vt-table-wrap vt-register"
        {...cursor.frameProps}
        aria-label={`${props.label} — mũi tên lên xuống để chọn, Enter để mở`}
      >
        <Table<T>
          ref={table as never}
          virtual
          size="small"
          bordered
          rowKey="id"
          columns={props.columns}
          dataSource={list.items}
          pagination={false}
          loading={list.loading && list.items.length === 0}
          scroll={{ x: props.width, y: height }}
          rowClassName={(d, i) => [d.cancelled || d.recalledAt ? 'vt-cancelled' : '', cursor.rowClass(i)].join(' ')}
          locale={{ emptyText: props.emptyText }}
          onRow={(d, i) => cursor.rowProps(d, i ?? 0)}
          onScroll={(e) => {
            const el = e.currentTarget;
            if (el.scrollHeight - el.scrollTop - el.clientHeight < 600) list.loadMore();
          }}
        />
      </div>
      <Typography.Text className="vt-status" data-testid="register-status">
        {list.loading
          ? 'Đang tải…'
          : `Đã hiện ${list.items.length.toLocaleString('vi-VN')} ${noun}${list.done ? '' : ' — cuộn xuống để xem tiếp'}`}
        {props.hint}
      </Typography.Text>
    </>
  );
}
