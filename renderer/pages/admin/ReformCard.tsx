// Tổ chức lại đơn vị (the 2025 reorganisation): the office's name, code and mã định danh, the
// units it took over, and Tiếp nhận — a merged, split or dissolved unit brought over from its
// backup folder: checked first, who comes chosen, then copied with its progress shown.
import { App, Button, Card, Checkbox, Descriptions, Form, Input, Progress, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../shared/api/contract.js';
import { REFORM_KINDS, REFORM_LABELS, mayMove, movesByDefault, type ReformKind } from '../../../shared/domain/reform.js';
import { ROLE_LABELS } from '../../../shared/domain/enums.js';
import { formatDate, formatInstant } from '../../../shared/text/dates.js';
import { api } from '../../api/client';
import { DateInput, toIsoDate } from '../../components/DateInput';
import { filledIn } from '../../components/errors';
import { FormDialog } from '../../components/FormDialog';
import { useBusyAction } from '../../hooks/useBusyAction';
import { refreshLookup } from '../../hooks/useLookup';

type Unit = MethodOutput<'units.list'>[number];
type Facts = MethodOutput<'units.inspectTakeOver'>;
type Result = MethodOutput<'units.takeOver'>;
type Progressed = MethodOutput<'units.takeOverProgress'>;

export function ReformCard() {
  const { message, modal } = App.useApp();
  const [units, setUnits] = useState<Unit[]>([]);
  const [editing, setEditing] = useState(false);
  const [path, setPath] = useState('');
  const [facts, setFacts] = useState<Facts | null>(null);
  const [kind, setKind] = useState<ReformKind>('sap_nhap');
  const [effective, setEffective] = useState('01/07/2025');
  const [moving, setMoving] = useState<string[]>([]);
  const [progress, setProgress] = useState<Progressed | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, act] = useBusyAction();
  const [form] = Form.useForm<{ name: string; code: string; organId: string }>();
  const polling = useRef<ReturnType<typeof setInterval> | null>(null);

  const load = useCallback(() => {
    api.call('units.list').then(setUnits, (err: Error) => message.error(err.message));
  }, [message]);
  useEffect(load, [load]);
  useEffect(() => () => clearInterval(polling.current ?? undefined), []);
  const office = units.find((u) => u.current);
  const former = units.filter((u) => !u.current);

  const saveOffice = async () => {
    const v = await filledIn(form);
    if (!v) return;
    await act('office', async () => {
      setUnits(await api.call('units.updateOffice', { name: v.name, code: v.code, organId: v.organId?.trim() || null }));
      setEditing(false);
      message.success('Đã lưu tên, mã của đơn vị.');
    });
  };

  const inspect = () =>
    act('inspect', async () => {
      setResult(null);
      const f = await api.call('units.inspectTakeOver', { path: path.trim() });
      setFacts(f);
      setMoving(movesByDefault(kind) ? f.users.filter(mayMove).map((u) => u.id) : []);
    });

  const pickKind = (k: ReformKind) => {
    setKind(k);
    if (facts) setMoving(movesByDefault(k) ? facts.users.filter(mayMove).map((u) => u.id) : []);
  };

  const takeOver = () => {
    const date = toIsoDate(effective);
    if (!date) return void message.error(`Ngày hiệu lực “${effective}” không phải ngày có thật (ngày/tháng/năm).`);
    if (!facts) return;
    modal.confirm({
      title: `Tiếp nhận ${facts.unit.name}?`,
      content: `${facts.documents.toLocaleString('vi-VN')} văn bản, ${facts.dossiers} hồ sơ, ${facts.books} sổ (khóa lại, giữ nguyên số) và ${moving.length} người chuyển sang đơn vị này. Bản sao lưu không bị thay đổi.`,
      okText: 'Tiếp nhận',
      cancelText: 'Thôi',
      // The dialog closes at once: the progress shows on the card while the copy runs.
      onOk: () =>
        void act('take', async () => {
          polling.current = setInterval(() => {
            api.call('units.takeOverProgress').then(setProgress, () => {});
          }, 500);
          try {
            const r = await api.call('units.takeOver', { path: path.trim(), kind, effectiveDate: date, movingUserIds: moving });
            setResult(r);
            setFacts(null);
            message.success(`Đã tiếp nhận ${r.unit.name}.`);
            load();
            // Its books, people, departments and types are in the pickers now.
            for (const name of ['books', 'staff', 'departments', 'docTypes'] as const) void refreshLookup(name);
          } finally {
            clearInterval(polling.current ?? undefined);
            setProgress(null);
          }
        }),
    });
  };

  return (
    <Card title="Tổ chức lại đơn vị (sáp nhập, hợp nhất, chia tách, giải thể)" size="small" style={{ marginTop: 16 }}>
      {office && (
        <Descriptions size="small" bordered column={3} data-testid="office-unit">
          <Descriptions.Item label="Đơn vị">{office.name}</Descriptions.Item>
          <Descriptions.Item label="Mã">{office.code}</Descriptions.Item>
          <Descriptions.Item label="Mã định danh">{office.organId ?? '—'}</Descriptions.Item>
        </Descriptions>
      )}
      <Space style={{ marginTop: 8 }}>
        <Button
          onClick={() => {
            form.setFieldsValue({ name: office?.name ?? '', code: office?.code ?? '', organId: office?.organId ?? '' });
            setEditing(true);
          }}
        >
          Đổi tên, mã đơn vị…
        </Button>
      </Space>
      <FormDialog
        open={editing}
        title="Tên, mã của đơn vị sau tổ chức lại"
        okText="Lưu"
        cancelText="Thôi"
        confirmLoading={busy === 'office'}
        onOk={() => void saveOffice()}
        onCancel={() => setEditing(false)}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label="Tên cơ quan, đơn vị" rules={[{ required: true, message: 'Chưa nhập tên cơ quan.' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="code"
            label="Chữ viết tắt (trong số, ký hiệu văn bản)"
            rules={[{ required: true, message: 'Chưa nhập mã cơ quan.' }]}
          >
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="organId" label="Mã định danh (liên thông văn bản), nếu có">
            <Input maxLength={40} placeholder="000.00.31.H56" />
          </Form.Item>
        </Form>
      </FormDialog>

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        Đơn vị đã tiếp nhận
      </Typography.Title>
      <Table<Unit>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={former}
        locale={{ emptyText: 'Chưa tiếp nhận đơn vị nào.' }}
        columns={[
          { title: 'Đơn vị', dataIndex: 'name' },
          { title: 'Mã', dataIndex: 'code', width: 110 },
          {
            title: 'Hình thức',
            dataIndex: 'reform',
            width: 260,
            render: (r: ReformKind | null) => (r ? REFORM_LABELS[r] : 'Đang tiếp nhận dở'),
          },
          { title: 'Từ ngày', dataIndex: 'endedOn', width: 110, render: (d: string | null) => formatDate(d) },
          { title: 'Mã định danh', dataIndex: 'organId', width: 150, render: (d: string | null) => d ?? '—' },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        Tiếp nhận đơn vị từ bản sao lưu của đơn vị đó
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        Sổ của đơn vị cũ được khóa và giữ nguyên số, ký hiệu, lịch sử; hồ sơ, danh mục hồ sơ vẫn là của đơn vị cũ; người được chọn chuyển
        sang đơn vị này cùng việc đang dở (không giữ quyền quản trị). Nếu hai đơn vị cùng đồng bộ một máy chủ, quản trị máy chủ ghi nhận
        việc tổ chức lại trước (lệnh reorganise).
      </Typography.Paragraph>
      <Space wrap>
        <Input
          value={path}
          onChange={(e) => {
            setPath(e.target.value);
            setFacts(null);
          }}
          onPressEnter={() => path.trim() && void inspect()}
          style={{ width: 420 }}
          aria-label="Thư mục bản sao lưu của đơn vị cũ"
          placeholder="Thư mục bản sao lưu của đơn vị cũ"
        />
        <Button loading={busy === 'inspect'} disabled={!path.trim()} onClick={() => void inspect()}>
          Kiểm tra
        </Button>
      </Space>
      {facts && (
        <div style={{ marginTop: 12 }} data-testid="takeover-facts">
          <Descriptions size="small" bordered column={3}>
            <Descriptions.Item label="Đơn vị cũ" span={2}>
              {facts.unit.name} ({facts.unit.code})
            </Descriptions.Item>
            <Descriptions.Item label="Sao lưu lúc">{formatInstant(facts.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="Văn bản">
              {facts.documents.toLocaleString('vi-VN')}
              {facts.secretDocuments ? ` (${facts.secretDocuments} văn bản mật, chỉ ở máy này)` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="Sổ, hồ sơ">
              {facts.books} sổ, {facts.dossiers} hồ sơ
            </Descriptions.Item>
            <Descriptions.Item label="Việc đang dở">{facts.openTasks}</Descriptions.Item>
          </Descriptions>
          <Space wrap style={{ marginTop: 12 }}>
            <span>Hình thức:</span>
            <Select<ReformKind>
              value={kind}
              onChange={pickKind}
              style={{ width: 340 }}
              aria-label="Hình thức tổ chức lại"
              options={REFORM_KINDS.map((k) => ({ value: k, label: REFORM_LABELS[k] }))}
            />
            <span>Ngày hiệu lực:</span>
            <DateInput value={effective} onChange={setEffective} style={{ width: 130 }} aria-label="Ngày hiệu lực" />
          </Space>
          <Typography.Paragraph id="takeover-people" style={{ margin: '12px 0 4px' }}>
            Người chuyển sang đơn vị này:
          </Typography.Paragraph>
          <Checkbox.Group
            role="group"
            aria-labelledby="takeover-people"
            value={moving}
            onChange={(v) => setMoving(v)}
            options={facts.users.map((u) => ({
              value: u.id,
              disabled: !mayMove(u),
              label: `${u.fullName} (${u.username}) — ${u.roles.map((r) => ROLE_LABELS[r]).join(', ')}${
                !u.active ? ', đã khóa' : mayMove(u) ? '' : ': chỉ quản trị đơn vị cũ, không chuyển sang'
              }`,
            }))}
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          />
          <Button type="primary" style={{ marginTop: 12 }} loading={busy === 'take'} onClick={takeOver}>
            Tiếp nhận
          </Button>
        </div>
      )}
      {progress?.running && (
        <Progress
          style={{ marginTop: 12 }}
          percent={progress.total ? Math.floor((progress.done / progress.total) * 100) : 0}
          format={() =>
            progress.phase === 'files'
              ? `Đang chép tệp ${progress.done}/${progress.total}`
              : `Đang chép dữ liệu ${progress.done}/${progress.total}`
          }
        />
      )}
      {result && (
        <div role="status" data-testid="takeover-result" style={{ marginTop: 12 }}>
          <Typography.Text strong>Đã tiếp nhận {result.unit.name}:</Typography.Text> {(result.rows.documents ?? 0).toLocaleString('vi-VN')}{' '}
          văn bản, {result.rows.dossiers ?? 0} hồ sơ, {result.rows.register_books ?? 0} sổ; {result.moved.length} người chuyển sang.
          {result.renamed.length > 0 && (
            <div>Tên đăng nhập trùng đã đổi: {result.renamed.map((r) => `${r.from} → ${r.to}`).join(', ')}.</div>
          )}
          {result.tasksToReassign > 0 && (
            <div>{result.tasksToReassign} việc đang dở của người không chuyển sang: lãnh đạo cần giao lại.</div>
          )}
        </div>
      )}
    </Card>
  );
}
