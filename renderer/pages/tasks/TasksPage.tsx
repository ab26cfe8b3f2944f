// Việc của tôi: what waits for me, by what I do in the office — a leader's documents to direct
// and drafts to sign, the văn thư's documents to route, drafts to number and numbers not issued
// yet — then the tasks given to me or my department, soonest deadline first. Every list is walked
// with the arrows and opened with Enter.
import { ReloadOutlined } from '../../components/icons';
import { Alert, Button, Segmented, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../../../shared/api/admin.js';
import type { TaskRecord } from '../../../shared/api/handling.js';
import type { Waiting } from '../../../shared/api/waiting.js';
import type { Urgency } from '../../../shared/domain/enums.js';
import { TASK_ROLE_LABELS, TASK_STATUS_LABELS } from '../../../shared/domain/workflow.js';
import { formatDate } from '../../../shared/text/dates.js';
import { api } from '../../api/client';
import { DocumentDetail } from '../detail/DocumentDetail';
import { TaskActions } from '../../components/TaskActions';
import { WaitingList, type WaitingRow } from './WaitingList';

const goTo = (hash: string) => () => (window.location.hash = hash);

/** The waiting lists, as rows a person opens: a document in its drawer, a draft on its page. */
function waitingRows(w: Waiting, open: (id: string) => void) {
  const doc = (d: Waiting['toDirect'][number]): WaitingRow => ({
    id: d.id,
    code: `Số đến ${d.number} — ${d.code}`,
    what: `${d.agencyName}: ${d.typeName} ${d.summary}`,
    urgency: d.urgency,
    when: d.deadline ? `hạn ${formatDate(d.deadline)}` : `đến ${formatDate(d.receivedAt.slice(0, 10))}`,
    open: () => open(d.id),
  });
  const draft = (d: Waiting['toSign'][number]): WaitingRow => ({
    id: d.id,
    code: d.typeName,
    what: d.summary,
    urgency: d.urgency,
    when: d.createdByName ? `soạn: ${d.createdByName}` : '',
    open: goTo('#/outgoing/drafts'),
  });
  return [
    { key: 'toDirect', title: 'Văn bản chờ ý kiến chỉ đạo', rows: w.toDirect.map(doc) },
    { key: 'toSign', title: 'Dự thảo chờ ký', rows: w.toSign.map(draft) },
    { key: 'toRoute', title: 'Văn bản đến chờ trình lãnh đạo', rows: w.toRoute.map(doc) },
    { key: 'toIssue', title: 'Dự thảo đã ký, chờ cấp số ban hành', rows: w.toIssue.map(draft) },
    {
      key: 'reserved',
      title: 'Đã lấy số, chưa ban hành',
      rows: w.reserved.map((d) => ({ ...doc(d), code: d.code, open: goTo('#/outgoing') })),
    },
  ].filter((s) => s.rows.length > 0);
}

function taskRow(t: TaskRecord, me: Me, open: (id: string) => void, changed: () => void): WaitingRow {
  return {
    id: t.id,
    code: `Số đến ${t.document.number} — ${t.document.code}`,
    what: `${t.document.agencyName}: ${t.document.summary}${t.document.direction ? ` · Chỉ đạo: ${t.document.direction}` : ''}`,
    urgency: t.document.urgency as Urgency,
    when: (
      <>
        {TASK_ROLE_LABELS[t.role]} · {TASK_STATUS_LABELS[t.status]} · hạn {formatDate(t.deadline) || '—'}{' '}
        {t.overdue && <Tag color="red">Quá hạn</Tag>}
        {t.dueSoon && <Tag color="orange">Sắp đến hạn</Tag>}
      </>
    ),
    overdue: t.overdue,
    actions: <TaskActions task={t} me={me} onChanged={changed} />,
    open: () => open(t.documentId),
  };
}

export function TasksPage({ me, onChanged }: { me: Me; onChanged?: () => void }) {
  const [tasks, setTasks] = useState<TaskRecord[]>([]);
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  const [includeDone, setIncludeDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [t, w] = await Promise.all([api.call('tasks.mine', { includeDone }), api.call('tasks.waiting')]);
      setTasks(t);
      setWaiting(w);
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
  const sections = waiting ? waitingRows(waiting, setOpen) : [];

  return (
    <div className="vt-page" style={{ overflow: 'auto' }}>
      <h1 className="vt-page-title">Việc của tôi</h1>
      {error && <Alert type="error" showIcon title={error} />}
      {sections.map((s) => (
        <WaitingList key={s.key} id={s.key} title={`${s.title} (${s.rows.length})`} rows={s.rows} />
      ))}
      <div className="vt-toolbar">
        <h2 className="vt-section-title">Việc được giao ({tasks.length})</h2>
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
      <WaitingList
        id="tasks"
        title="Việc được giao"
        hideTitle
        rows={tasks.map((t) => taskRow(t, me, setOpen, changed))}
        empty="Không có việc nào được giao cho bạn."
      />
      <Typography.Text className="vt-status">Mũi tên lên xuống để chọn, Enter để mở văn bản; Tab tới các nút của dòng.</Typography.Text>
      <DocumentDetail documentId={open} me={me} onClose={() => setOpen(null)} onChanged={changed} />
    </div>
  );
}
