// The leader's direction (ý kiến chỉ đạo): who leads, who coordinates, who is informed, by when.
import { Button, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { assignInput } from '../../../shared/api/handling.js';
import { assigneeOf, assigneeValue, type RoutingSuggestion } from '../../../shared/api/suggestions.js';
import type { IncomingStatus } from '../../../shared/domain/workflow.js';
import { api } from '../../api/client';
import { fieldRule } from '../../components/contractRules';
import { DateInput, dateRule, toIsoDate } from '../../components/DateInput';
import { useLookup } from '../../hooks/useLookup';
import { FOLDED_SEARCH } from '../../components/foldedSearch';
import { filledIn } from '../../components/errors';
import { formatDate } from '../../../shared/text/dates.js';
import { RoutingHint } from './RoutingHint';

type Values = { direction: string; lead: string; deadline: string; coordinate: string[]; inform: string[] };
const SUGGESTED_EXTRA = 'Đề xuất theo văn bản trước — kiểm tra trước khi giao';

export function AssignForm(props: {
  documentId: string;
  /** The document's hạn giải quyết: the lead's deadline starts from it, and replaces it. */
  deadline: string | null;
  status: IncomingStatus;
  busy: boolean;
  run: (fn: () => Promise<unknown>, done: string) => Promise<void>;
}) {
  const { status, busy, run } = props;
  const staff = useLookup('staff').rows;
  const departments = useLookup('departments').rows;
  const [assignForm] = Form.useForm<Values>();
  const [suggestion, setSuggestion] = useState<RoutingSuggestion | null>(null);
  const [suggestionError, setSuggestionError] = useState<string | null>(null);
  // Fields filled from the suggestion, marked until the leader changes them.
  const [marked, setMarked] = useState<ReadonlySet<keyof Values>>(new Set());

  useEffect(() => {
    let live = true;
    api
      .call('incoming.suggestRouting', { id: props.documentId })
      .then((s) => {
        if (!live) return;
        setSuggestion(s);
        const now = assignForm.getFieldsValue(true) as Partial<Values>;
        const fill: Partial<Values> = {};
        if (!now.lead && s.lead[0]) fill.lead = s.lead[0].value;
        if (!now.coordinate?.length && s.coordinate.length) fill.coordinate = s.coordinate.map((c) => c.value);
        if (!now.deadline && s.deadline) fill.deadline = formatDate(s.deadline.date);
        assignForm.setFieldsValue(fill);
        setMarked(new Set(Object.keys(fill) as (keyof Values)[]));
      })
      .catch((err: Error) => live && setSuggestionError(err.message));
    return () => {
      live = false;
    };
  }, [props.documentId, assignForm]);
  const mark = (name: keyof Values) => (marked.has(name) ? { className: 'vt-suggested', extra: SUGGESTED_EXTRA } : {});
  const pickLead = (value: string) => {
    assignForm.setFieldsValue({ lead: value });
    setMarked((m) => new Set([...m].filter((x) => x !== 'lead')));
  };
  const assigneeOptions = [
    {
      label: 'Phòng, ban',
      options: departments.map((d) => ({ value: assigneeValue({ userId: null, departmentId: d.id }), label: d.name })),
    },
    { label: 'Cá nhân', options: staff.map((u) => ({ value: assigneeValue({ userId: u.id, departmentId: null }), label: u.fullName })) },
  ];

  const typedDeadline = Form.useWatch('deadline', assignForm) as string | undefined;
  const newDeadline = toIsoDate(typedDeadline);
  const changesDeadline = !!props.deadline && !!newDeadline && newDeadline !== props.deadline;

  const assign = async () => {
    const v = await filledIn(assignForm);
    if (!v) return;
    await run(
      () =>
        api.call('incoming.assign', {
          id: props.documentId,
          direction: v.direction,
          lead: assigneeOf(v.lead, toIsoDate(v.deadline)),
          coordinate: (v.coordinate ?? []).map((x) => assigneeOf(x)),
          inform: (v.inform ?? []).map((x) => assigneeOf(x)),
        }),
      'Đã giao việc.',
    );
  };

  return (
    <Form
      form={assignForm}
      layout="vertical"
      style={{ marginTop: 12 }}
      requiredMark="optional"
      initialValues={{ deadline: props.deadline ? formatDate(props.deadline) : '' }}
      onValuesChange={(changed: Partial<Values>) => setMarked((m) => new Set([...m].filter((name) => !(name in changed))))}
    >
      <Typography.Text strong>{status === 'trinh' ? 'Cho ý kiến chỉ đạo và giao việc' : 'Giao lại việc'}</Typography.Text>
      <RoutingHint suggestion={suggestion} error={suggestionError} onPick={pickLead} />
      <Form.Item name="direction" label="Ý kiến chỉ đạo" required rules={[fieldRule(assignInput.shape.direction)]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Space align="start" wrap>
        <Form.Item name="lead" label="Chủ trì" rules={[{ required: true, message: 'Chọn đơn vị hoặc người chủ trì.' }]} {...mark('lead')}>
          <Select showSearch={FOLDED_SEARCH} style={{ width: 260 }} options={assigneeOptions} placeholder="Phòng, ban hoặc cá nhân" />
        </Form.Item>
        <Form.Item
          name="deadline"
          label="Hạn xử lý"
          rules={[dateRule('hạn xử lý', false)]}
          className={marked.has('deadline') ? 'vt-suggested' : undefined}
          extra={
            marked.has('deadline') && suggestion?.deadline ? (
              `${SUGGESTED_EXTRA} (thường ${suggestion.deadline.workingDays} ngày làm việc)`
            ) : changesDeadline ? (
              <span data-testid="deadline-changes">Thay hạn giải quyết của văn bản ({formatDate(props.deadline)}).</span>
            ) : props.deadline ? (
              'Theo hạn giải quyết của văn bản.'
            ) : undefined
          }
        >
          <DateInput style={{ width: 140 }} />
        </Form.Item>
      </Space>
      <Form.Item name="coordinate" label="Phối hợp" {...mark('coordinate')}>
        <Select mode="multiple" showSearch={FOLDED_SEARCH} options={assigneeOptions} />
      </Form.Item>
      <Form.Item name="inform" label="Để biết">
        <Select mode="multiple" showSearch={FOLDED_SEARCH} options={assigneeOptions} />
      </Form.Item>
      <Button type="primary" loading={busy} onClick={() => void assign()}>
        Giao việc
      </Button>
    </Form>
  );
}
