// Việc của tôi: what was given to me or my department, soonest deadline first.
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../../../shared/api/admin.js';
import type { TaskRecord } from '../../../shared/api/handling.js';
import { URGENCY_LABELS, type Urgency } from '../../../shared/domain/enums.js';
import { TASK_ROLE_LABELS, TASK_STATUS_LABELS } from '../../../shared/domain/workflow.js';
import { formatDate } from '../../../shared/text/dates.js';
import { api } from '../../api/client';
import { DocumentDetail } from '../detail/DocumentDetail';
import { TaskActions } from '../../components/TaskActions';

export function TasksPage({ me, onChanged }: { me: Me; onChanged?: () => void }) {
  const [tasks, setTasks] = useState<TaskRecord[]>([]);
  const [includeDone, setIncludeDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setTasks(await api.call('tasks.mine', { includeDone }));
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  }, [includeDone]);
  useEffect(() => void load(), [load]);

  const changed = () => {
    void load();
    onChanged?.();
  };

  return (
    <div className="vt-page">
      <h1 className="vt-page-title">Việc của tôi</h1>
      <div className="vt-toolbar">
        <Segmented
          value={includeDone ? 'all' : 'open'}
          options={[
            { value: 'open', label: 'Đang phải làm' },
            { value: 'all', label: 'Cả việc đã xong' },
          ]}
          onChange={(v) => setIncludeDone(v === 'all')}
        />
        <Space style={{ marginLeft: 'auto' }}>
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>
            Tải lại
          </Button>
        </Space>
      </div>
      {error && <Alert type="error" showIcon title={error} />}
      <div className="vt-table-wrap" style={{ overflow: 'auto' }}>
        <Table<TaskRecord>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={tasks}
          locale={{ emptyText: 'Không có việc nào được giao cho bạn.' }}
          onRow={(t) => ({ onDoubleClick: () => setOpen(t.documentId) })}
          rowClassName={(t) => (t.overdue ? 'vt-overdue' : '')}
          columns={[
            { title: 'Số đến', key: 'n', width: 80, align: 'center', render: (_, t) => <strong>{t.document.number}</strong> },
            {
              title: 'Văn bản',
              key: 'doc',
              render: (_, t) => (
                <div>
                  <Typography.Link onClick={() => setOpen(t.documentId)}>{t.document.code}</Typography.Link> — {t.document.agencyName}
                  <div>{t.document.summary}</div>
                  {t.document.direction && <Typography.Text type="secondary">Chỉ đạo: {t.document.direction}</Typography.Text>}
                </div>
              ),
            },
            { title: 'Vai trò', dataIndex: 'role', width: 90, render: (r: TaskRecord['role']) => TASK_ROLE_LABELS[r] },
            {
              title: 'Độ khẩn',
              key: 'u',
              width: 100,
              render: (_, t) =>
                t.document.urgency !== 'thuong' ? <Tag color="red">{URGENCY_LABELS[t.document.urgency as Urgency]}</Tag> : 'Thường',
            },
            {
              title: 'Hạn xử lý',
              key: 'deadline',
              width: 150,
              render: (_, t) => (
                <>
                  {formatDate(t.deadline) || '—'} {t.overdue && <Tag color="red">Quá hạn</Tag>}
                  {t.dueSoon && <Tag color="orange">Sắp đến hạn</Tag>}
                </>
              ),
            },
            { title: 'Trạng thái', key: 's', width: 120, render: (_, t) => TASK_STATUS_LABELS[t.status] },
            { title: '', key: 'a', width: 220, render: (_, t) => <TaskActions task={t} me={me} onChanged={changed} /> },
          ]}
        />
      </div>
      <DocumentDetail documentId={open} me={me} onClose={() => setOpen(null)} onChanged={changed} />
    </div>
  );
}
