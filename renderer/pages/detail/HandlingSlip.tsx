// Phiếu giải quyết văn bản đến: the leader's direction, who leads, coordinates and is informed,
// by when; and the step each person may take from here.
import { App, Button, Card, Descriptions, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../shared/api/admin.js';
import type { Handling } from '../../../shared/api/handling.js';
import { ALLOWED_FROM, INCOMING_STATUS_LABELS } from '../../../shared/domain/workflow.js';
import { api } from '../../api/client';
import { useLookup } from '../../hooks/useLookup';
import { mayCall } from '../../../shared/api/access.js';
import { AssignForm } from './AssignForm';
import { HandlingTasks } from './HandlingTasks';
import { FOLDED_SEARCH } from '../../components/foldedSearch';
import { askReason } from '../../components/askReason';

export function HandlingSlip(props: {
  documentId: string;
  /** The document's own hạn giải quyết, as registered. */
  deadline: string | null;
  handling: Handling;
  me: Me;
  onChanged: () => void;
}) {
  const { handling, me } = props;
  const staff = useLookup('staff').rows;
  const { message, modal } = App.useApp();
  const [leaderId, setLeaderId] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const status = handling.status;
  // A step shows where the contract lets this user call it and the workflow lets it follow.
  const may = (step: 'submit' | 'assign' | 'return' | 'recall') => mayCall(me, `incoming.${step}`) && ALLOWED_FROM[step].includes(status);
  const leaders = staff.filter((u) => u.roles.includes('leader'));

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

      {handling.tasks.length > 0 && <HandlingTasks tasks={handling.tasks} me={me} onChanged={props.onChanged} />}

      {may('submit') && (
        <Space style={{ marginTop: 12 }} wrap>
          <Select
            style={{ width: 260 }}
            placeholder="Chọn lãnh đạo để trình"
            showSearch={FOLDED_SEARCH}
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

      {may('assign') && <AssignForm documentId={props.documentId} deadline={props.deadline} status={status} busy={busy} run={run} />}

      <Space style={{ marginTop: 12 }} wrap>
        {may('return') && (
          <Button
            danger
            onClick={() =>
              askReason(modal, {
                title: 'Trả lại văn bản (gửi nhầm nơi nhận)?',
                label: 'lý do trả lại',
                okText: 'Trả lại',
                onOk: (reason) => run(() => api.call('incoming.return', { id: props.documentId, reason }), 'Đã trả lại văn bản.'),
              })
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
              askReason(modal, {
                title: 'Thu hồi văn bản (cơ quan gửi thu hồi)?',
                label: 'lý do thu hồi',
                okText: 'Thu hồi',
                onOk: (reason) => run(() => api.call('incoming.recall', { id: props.documentId, reason }), 'Đã thu hồi văn bản.'),
              })
            }
          >
            Thu hồi
          </Button>
        )}
      </Space>
    </Card>
  );
}
