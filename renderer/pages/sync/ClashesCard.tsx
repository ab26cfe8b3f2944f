// Số trùng: two documents of one book and year with the same number, met through sync. Both are
// kept; the admin gives one the book's next number (audited, synced to every PC).
import { Alert, App, Button, Card, Modal, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { SyncClash } from '../../../shared/api/sync.js';
import { formatDate } from '../../../shared/text/dates.js';
import { api } from '../../api/client';

export function ClashesCard({ mayRenumber, generation, onChanged }: { mayRenumber: boolean; generation: number; onChanged: () => void }) {
  const { message } = App.useApp();
  const [clashes, setClashes] = useState<SyncClash[]>([]);
  useEffect(() => {
    api.call('sync.clashes').then(setClashes, (err: Error) => message.error(err.message));
  }, [generation, message]);

  const renumber = (doc: SyncClash['documents'][number], clash: SyncClash) =>
    Modal.confirm({
      title: `Cấp số mới cho văn bản ${doc.code}?`,
      content: `Văn bản này sẽ nhận số tiếp theo của ${clash.bookName}; số ${clash.number} ở lại với văn bản kia. Việc cấp lại số được ghi vào lịch sử văn bản và nhật ký.`,
      okText: 'Cấp số mới',
      cancelText: 'Thôi',
      onOk: async () => {
        try {
          const r = await api.call('sync.renumber', { id: doc.id });
          message.success(`Văn bản ${r.code} đã nhận số ${r.number}.`);
          onChanged();
        } catch (err) {
          message.error((err as Error).message);
        }
      },
    });

  if (clashes.length === 0) return null;
  return (
    <Card
      title={
        <Space>
          Số trùng cần xử lý <Tag color="red">{clashes.length}</Tag>
        </Space>
      }
      size="small"
      data-testid="sync-clashes"
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="Hai máy đã vào cùng một số trong cùng sổ khi không có mạng. Cả hai văn bản đều được giữ; hãy cấp số mới cho một văn bản."
      />
      {clashes.map((c) => (
        <div key={`${c.bookId}-${c.year}-${c.number}`} style={{ marginBottom: 12 }}>
          <Typography.Text strong>
            {c.bookName} — số {c.number}/{c.year}
          </Typography.Text>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={c.documents}
            columns={[
              { title: 'Số, ký hiệu', dataIndex: 'code', width: 160 },
              { title: 'Ngày đến', dataIndex: 'receivedDate', width: 110, render: (d: string) => formatDate(d) },
              { title: 'Cơ quan ban hành', dataIndex: 'agencyName', width: 220 },
              { title: 'Trích yếu', dataIndex: 'summary' },
              {
                title: '',
                key: 'x',
                width: 140,
                render: (_: unknown, d) =>
                  mayRenumber ? (
                    <Button size="small" onClick={() => renumber(d, c)}>
                      Cấp số mới
                    </Button>
                  ) : null,
              },
            ]}
          />
        </div>
      ))}
    </Card>
  );
}
