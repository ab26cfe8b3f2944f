// Phiếu giải quyết văn bản đến: the leader's direction, who leads, coordinates and is informed,
// by when; and the step each person may take from here.
import { App, Button, Card, Descriptions, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../shared/api/admin.js';
import type { Handling, TaskRecord } from '../../../shared/api/handling.js';
import { ALLOWED_FROM, INCOMING_STATUS_LABELS, TASK_ROLE_LABELS, TASK_STATUS_LABELS } from '../../../shared/domain/workflow.js';
import { formatDate } from '../../../shared/text/dates.js';
import { api } from '../../api/client';
import { DateInput, dateRule, toIsoDate } from '../../components/DateInput';
import { mayHandle, TaskActions } from '../../components/TaskActions';
import { useLookup } from '../../hooks/useLookup';
import { mayCall } from '../../../shared/api/access.js';
import { fieldRule } from '../../components/contractRules';
import { assignInput } from '../../../shared/api/handling.js';

/** "u:<id>" for a person, "d:<id>" for a department, in one pick list. */
function toAssignee(value: string, deadline?: string | null) {
  const [kind, id] = value.split(':');
  return kind === 'u' ? { userId: id!, deadline: deadline ?? null } : { departmentId: id!, deadline: deadline ?? null };
}

export function HandlingSlip(props: { documentId: string; handling: Handling; me: Me; onChanged: () => void }) {
  const { handling, me } = props;
  const staff = useLookup('staff').rows;
  const departments = useLookup('departments').rows;
  const { message, modal } = App.useApp();
  const [assignForm] = Form.useForm<{ direction: string; lead: string; deadline: string; coordinate: string[]; inform: string[] }>();
  const [leaderId, setLeaderId] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const status = handling.status;
  // A step shows where the contract lets this user call it and the workflow lets it follow.
  const may = (step: 'submit' | 'assign' | 'return' | 'recall') => mayCall(me, `incoming.${step}`) && ALLOWED_FROM[step].includes(status);
  const leaders = staff.filter((u) => u.roles.includes('leader'));
  const assigneeOptions = [
    { label: 'Phòng, ban', options: departments.map((d) => ({ value: `d:${d.id}`, label: d.name })) },
    { label: 'Cá nhân', options: staff.map((u) => ({ value: `u:${u.id}`, label: u.fullName })) },
  ];

  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await fn();
      message.success(done);
      props.onChanged();
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const askReason = (title: string, ok: (reason: string) => Promise<unknown>) => {
    let reason = '';
    modal.confirm({
      title,
      content: <Input.TextArea autoFocus rows={3} placeholder="Lý do" onChange={(e) => (reason = e.target.value)} />,
      okText: 'Đồng ý',
      cancelText: 'Không',
      onOk: () => ok(reason),
    });
  };

  const assign = async () => {
    const v = await assignForm.validateFields();
    await run(
      () =>
        api.call('incoming.assign', {
          id: props.documentId,
          direction: v.direction,
          lead: toAssignee(v.lead, toIsoDate(v.deadline)),
          coordinate: (v.coordinate ?? []).map((x) => toAssignee(x)),
          inform: (v.inform ?? []).map((x) => toAssignee(x)),
        }),
      'Đã giao việc.',
    );
  };

  return (
    <Card
      size="small"
      title="Phiếu giải quyết văn bản đến"
      extra={<Tag color={status === 'hoan_thanh' ? 'green' : 'blue'}>{INCOMING_STATUS_LABELS[status]}</Tag>}
    >
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="Trình lãnh đạo">{handling.leaderName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="Ý kiến chỉ đạo">
          <span data-testid="direction">{handling.direction ?? '—'}</span>
        </Descriptions.Item>
        {handling.replyCode && <Descriptions.Item label="Văn bản trả lời">{handling.replyCode}</Descriptions.Item>}
      </Descriptions>

      {handling.tasks.length > 0 && (
        <Table<TaskRecord>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={handling.tasks}
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
            ...(handling.tasks.some((t) => mayHandle(t, me))
              ? [
                  {
                    title: '',
                    key: 'act',
                    width: 200,
                    render: (_: unknown, t: TaskRecord) => <TaskActions task={t} me={me} onChanged={props.onChanged} />,
                  },
                ]
              : []),
          ]}
        />
      )}

      {may('submit') && (
        <Space style={{ marginTop: 12 }} wrap>
          <Select
            style={{ width: 260 }}
            placeholder="Chọn lãnh đạo để trình"
            value={leaderId}
            onChange={setLeaderId}
            options={leaders.map((l) => ({ value: l.id, label: l.fullName }))}
            aria-label="Lãnh đạo nhận trình"
          />
          <Button
            type="primary"
            disabled={!leaderId}
            loading={busy}
            onClick={() =>
              void run(() => api.call('incoming.submit', { id: props.documentId, leaderId: leaderId!, note: null }), 'Đã trình lãnh đạo.')
            }
          >
            Trình lãnh đạo
          </Button>
        </Space>
      )}

      {may('assign') && (
        <Form form={assignForm} layout="vertical" style={{ marginTop: 12 }} requiredMark="optional">
          <Typography.Text strong>{status === 'trinh' ? 'Cho ý kiến chỉ đạo và giao việc' : 'Giao lại việc'}</Typography.Text>
          <Form.Item name="direction" label="Ý kiến chỉ đạo" required rules={[fieldRule(assignInput.shape.direction)]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Space align="start" wrap>
            <Form.Item name="lead" label="Chủ trì" rules={[{ required: true, message: 'Chọn đơn vị hoặc người chủ trì.' }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 260 }}
                options={assigneeOptions}
                placeholder="Phòng, ban hoặc cá nhân"
              />
            </Form.Item>
            <Form.Item name="deadline" label="Hạn xử lý" rules={[dateRule('hạn xử lý', false)]}>
              <DateInput style={{ width: 140 }} />
            </Form.Item>
          </Space>
          <Form.Item name="coordinate" label="Phối hợp">
            <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={assigneeOptions} />
          </Form.Item>
          <Form.Item name="inform" label="Để biết">
            <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={assigneeOptions} />
          </Form.Item>
          <Button type="primary" loading={busy} onClick={() => void assign()}>
            Giao việc
          </Button>
        </Form>
      )}

      <Space style={{ marginTop: 12 }} wrap>
        {may('return') && (
          <Button
            danger
            onClick={() =>
              askReason('Trả lại văn bản (gửi nhầm nơi nhận)?', (reason) =>
                run(() => api.call('incoming.return', { id: props.documentId, reason }), 'Đã trả lại văn bản.'),
              )
            }
          >
            Trả lại
          </Button>
        )}
        {may('recall') && (
          <Button
            danger
            type="dashed"
            onClick={() =>
              askReason('Thu hồi văn bản (cơ quan gửi thu hồi)?', (reason) =>
                run(() => api.call('incoming.recall', { id: props.documentId, reason }), 'Đã thu hồi văn bản.'),
              )
            }
          >
            Thu hồi
          </Button>
        )}
      </Space>
    </Card>
  );
}
