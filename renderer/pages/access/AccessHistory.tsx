// Lịch sử truy cập of a document or a dossier: who viewed, downloaded or printed it (or one of its
// files), on which PC, how many times, first and last. Loaded when opened, for those who may see it.
import { Collapse, Table, Tag } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../shared/api/admin.js';
import { mayCall } from '../../../shared/api/access.js';
import { ACCESS_ACTION_LABELS } from '../../../shared/api/accessLog.js';
import type { MethodOutput } from '../../../shared/api/contract.js';
import { formatInstant } from '../../../shared/text/dates.js';
import { api } from '../../api/client';

type Entry = MethodOutput<'access.history'>[number];
const COLORS = { view: 'default', download: 'blue', print: 'purple' } as const;

export function AccessHistory(props: { me: Me; target: { documentId: string } | { dossierId: string } }) {
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!mayCall(props.me, 'access.history')) return null;
  const load = () =>
    void api.call('access.history', props.target).then(
      (e) => (setEntries(e), setError(null)),
      (err: Error) => setError(err.message),
    );
  const total = (a: Entry['action']) => (entries ?? []).filter((e) => e.action === a).reduce((n, e) => n + e.count, 0);
  return (
    <Collapse
      style={{ marginTop: 16 }}
      size="small"
      onChange={(open) => open.length > 0 && load()}
      items={[
        {
          key: 'access',
          label: entries
            ? `Lịch sử truy cập — ${total('view')} lượt xem, ${total('download')} lượt tải, ${total('print')} lượt in`
            : 'Lịch sử truy cập',
          children: (
            <Table<Entry>
              size="small"
              data-testid="access-history"
              rowKey={(e) => `${e.userId}-${e.action}-${e.fileName ?? ''}-${e.pcName}`}
              pagination={false}
              loading={entries === null && error === null}
              dataSource={entries ?? []}
              locale={{ emptyText: error ?? 'Chưa ai xem, tải hay in.' }}
              columns={[
                { title: 'Người', key: 'user', render: (_, e) => e.userName ?? e.userId },
                {
                  title: 'Việc',
                  key: 'action',
                  width: 90,
                  render: (_, e) => <Tag color={COLORS[e.action]}>{ACCESS_ACTION_LABELS[e.action]}</Tag>,
                },
                { title: 'Tệp', key: 'file', render: (_, e) => e.fileName ?? '(thông tin văn bản)' },
                { title: 'Máy', dataIndex: 'pcName', width: 90 },
                { title: 'Số lần', dataIndex: 'count', width: 60, align: 'center' },
                {
                  title: 'Lần cuối',
                  key: 'last',
                  width: 100,
                  render: (_, e) => <span title={`Lần đầu ${formatInstant(e.firstAt)}`}>{formatInstant(e.lastAt)}</span>,
                },
              ]}
            />
          ),
        },
      ]}
    />
  );
}
