// Xung đột khi đồng bộ: two PCs changed the same field before seeing each other's change; the
// later one was kept everywhere and the other is listed here, to restore or to let go.
import { App, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Me } from '../../../shared/api/admin.js';
import type { SyncConflict } from '../../../shared/api/sync.js';
import { formatInstant } from '../../../shared/text/dates.js';
import { api } from '../../api/client';
import { mayCall } from '../../../shared/api/access.js';
import { asText } from '../../../shared/text/asText.js';

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(để trống)';
  return asText(value);
}

export function ConflictsCard({ me, generation, onChanged }: { me: Me; generation: number; onChanged: () => void }) {
  const { message } = App.useApp();
  const [rows, setRows] = useState<SyncConflict[]>([]);
  const [busy, setBusy] = useState<number | null>(null);
  const mayResolve = mayCall(me, 'sync.restoreConflict');
  useEffect(() => {
    api.call('sync.conflicts').then(setRows, (err: Error) => message.error(err.message));
  }, [generation, message]);

  const act = async (id: number, method: 'sync.restoreConflict' | 'sync.dismissConflict') => {
    setBusy(id);
    try {
      await api.call(method, { id });
      message.success(
        method === 'sync.restoreConflict' ? 'Đã khôi phục giá trị; các máy khác nhận được ở lần đồng bộ tới.' : 'Đã giữ giá trị hiện tại.',
      );
      onChanged();
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card
      title={<Space>Xung đột khi đồng bộ {rows.length > 0 && <Tag color="orange">{rows.length}</Tag>}</Space>}
      size="small"
      data-testid="sync-conflicts"
    >
      <Typography.Paragraph type="secondary">
        Khi hai máy cùng sửa một nội dung lúc chưa thấy nhau, bản sửa sau được giữ trên mọi máy; bản bị thay nằm ở đây để khôi phục nếu cần.
      </Typography.Paragraph>
      <Table<SyncConflict>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có xung đột nào." /> }}
        columns={[
          { title: 'Bản ghi', dataIndex: 'rowLabel', ellipsis: true },
          { title: 'Nội dung', dataIndex: 'fieldLabel', width: 140 },
          {
            title: 'Giá trị bị thay',
            key: 'lost',
            render: (_: unknown, r) => <Typography.Text delete>{shown(r.lostValue)}</Typography.Text>,
          },
          { title: 'Giá trị đang dùng', key: 'kept', render: (_: unknown, r) => shown(r.keptValue) },
          { title: 'Sửa lúc', key: 'at', width: 190, render: (_: unknown, r) => `${formatInstant(r.lostAt)} / ${formatInstant(r.keptAt)}` },
          {
            title: '',
            key: 'x',
            width: 250,
            render: (_: unknown, r) =>
              mayResolve && (
                <Space>
                  <Button size="small" loading={busy === r.id} onClick={() => void act(r.id, 'sync.restoreConflict')}>
                    Khôi phục giá trị này
                  </Button>
                  <Button size="small" type="text" disabled={busy === r.id} onClick={() => void act(r.id, 'sync.dismissConflict')}>
                    Giữ như hiện tại
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
