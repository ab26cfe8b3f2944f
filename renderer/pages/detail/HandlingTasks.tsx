// The tasks of a direction on the handling slip: who, the deadline, how far, and what this user may do.
import { Table, Tag } from 'antd';
import type { Me } from '../../../shared/api/admin.js';
import type { TaskRecord } from '../../../shared/api/handling.js';
import { TASK_ROLE_LABELS, TASK_STATUS_LABELS } from '../../../shared/domain/workflow.js';
import { formatDate } from '../../../shared/text/dates.js';
import { mayHandle, TaskActions } from '../../components/TaskActions';

export function HandlingTasks({ tasks, me, onChanged }: { tasks: TaskRecord[]; me: Me; onChanged: () => void }) {
  return (
    <Table<TaskRecord>
      style={{ marginTop: 12 }}
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={tasks}
      columns={[
        { title: 'Vai trò', dataIndex: 'role', width: 80, render: (r: TaskRecord['role']) => TASK_ROLE_LABELS[r] },
        { title: 'Người, đơn vị xử lý', key: 'who', render: (_, t) => [t.userName, t.departmentName].filter(Boolean).join(' – ') },
        {
          title: 'Hạn',
          dataIndex: 'deadline',
          width: 110,
          render: (d: string | null, t) => (
            <>
              {formatDate(d)} {t.overdue && <Tag color="red">Quá hạn</Tag>}
              {t.dueSoon && <Tag color="orange">Sắp đến hạn</Tag>}
            </>
          ),
        },
        {
          title: 'Tiến độ',
          key: 'progress',
          render: (_, t) => `${TASK_STATUS_LABELS[t.status]}${t.result ? `: ${t.result}` : t.progress ? `: ${t.progress}` : ''}`,
        },
        ...(tasks.some((t) => mayHandle(t, me))
          ? [
              {
                title: '',
                key: 'act',
                width: 200,
                render: (_: unknown, t: TaskRecord) => <TaskActions task={t} me={me} onChanged={onChanged} />,
              },
            ]
          : []),
      ]}
    />
  );
}
