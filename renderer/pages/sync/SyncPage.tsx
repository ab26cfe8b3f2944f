// Đồng bộ: this PC's link to the office's server — connect with a one-time code, the status
// (last success, changes waiting, last error in Vietnamese), "Đồng bộ ngay", number clashes to
// resolve and the conflicts list to restore from.
import { CloudSyncOutlined, DisconnectOutlined } from '../../components/icons';
import { Alert, App, Button, Card, Form, Modal, Space, Typography, type FormInstance } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../../../shared/api/admin.js';
import type { SyncStatus } from '../../../shared/api/sync.js';
import { api } from '../../api/client';
import { showFieldError, filledIn } from '../../components/errors';
import { useBusyAction } from '../../hooks/useBusyAction';
import { useCtrlS } from '../../hooks/useCtrlS';
import { useEnterMovesOn } from '../../hooks/useEnterMovesOn';
import { ClashesCard } from './ClashesCard';
import { ConflictsCard } from './ConflictsCard';
import { SyncServerFields, type SyncServerValues } from './SyncServerFields';
import { mayCall } from '../../../shared/api/access.js';
import { SyncFacts } from './SyncFacts';

export function SyncPage({ me }: { me: Me }) {
  const { message } = App.useApp();
  const isAdmin = mayCall(me, 'sync.connect');
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [generation, setGeneration] = useState(0);
  const [form] = Form.useForm<SyncServerValues>();

  const load = useCallback(async () => {
    try {
      setStatus(await api.call('sync.status'));
    } catch (err) {
      message.error((err as Error).message);
    }
  }, [message]);
  useEffect(() => {
    void load();
    const t = setInterval(() => void load(), 3000);
    return () => clearInterval(t);
  }, [load]);
  const after = useCallback(() => {
    void load();
    setGeneration((g) => g + 1);
  }, [load]);
  const [busy, act] = useBusyAction(after);

  const syncNow = () =>
    act('now', async () => {
      const s = await api.call('sync.now');
      setStatus(s);
      if (s.lastError) message.warning(s.lastError);
      else message.success('Đã đồng bộ xong.');
    });

  const connect = async () => {
    const values = await filledIn(form);
    if (!values) return;
    await act('connect', async () => {
      try {
        const s = await api.call('sync.connect', values);
        message.success(`Đã kết nối máy chủ của ${s.unitName ?? 'đơn vị'}; đang gửi dữ liệu lần đầu.`);
        await api.call('sync.now').then(setStatus);
      } catch (err) {
        if (!showFieldError(form, err)) throw err;
      }
    });
  };
  const enterMovesOn = useEnterMovesOn(() => void connect());
  useCtrlS(() => void (status?.enrolled ? syncNow() : connect()));

  const disconnect = () =>
    Modal.confirm({
      title: 'Ngắt kết nối máy chủ đồng bộ?',
      content: 'Dữ liệu trên máy này được giữ nguyên. Muốn nối lại cần một mã đăng ký mới từ quản trị máy chủ.',
      okText: 'Ngắt kết nối',
      cancelText: 'Thôi',
      okButtonProps: { danger: true },
      onOk: () => act('disconnect', async () => void setStatus(await api.call('sync.disconnect'))),
    });

  if (!status) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      {!status.enrolled ? (
        <ConnectCard isAdmin={isAdmin} form={form} busy={busy === 'connect'} enterMovesOn={enterMovesOn} onConnect={() => void connect()} />
      ) : (
        <Card
          title="Đồng bộ với máy chủ"
          size="small"
          data-testid="sync-status"
          extra={
            <Space>
              <Button type="primary" icon={<CloudSyncOutlined />} loading={busy === 'now'} onClick={() => void syncNow()}>
                Đồng bộ ngay
              </Button>
              {isAdmin && (
                <Button icon={<DisconnectOutlined />} onClick={disconnect}>
                  Ngắt kết nối
                </Button>
              )}
            </Space>
          }
        >
          {status.lastError && (
            <Alert
              type={status.stopped ? 'error' : 'warning'}
              showIcon
              title={status.lastError}
              style={{ marginBottom: 12 }}
              data-testid="sync-error"
            />
          )}
          <SyncFacts
            status={status}
            mayChange={isAdmin}
            busy={busy === 'eager'}
            onEagerFiles={(v) => void act('eager', async () => void setStatus(await api.call('sync.settings', { eagerFiles: v })))}
          />
        </Card>
      )}
      {status.clashes > 0 && <ClashesCard mayRenumber={mayCall(me, 'sync.renumber')} generation={generation} onChanged={after} />}
      <ConflictsCard me={me} generation={generation} onChanged={after} />
    </Space>
  );
}

/** The first connection of an office PC: an admin gives the server's address and a one-time code. */
function ConnectCard(props: {
  isAdmin: boolean;
  form: FormInstance<SyncServerValues>;
  busy: boolean;
  enterMovesOn: ReturnType<typeof useEnterMovesOn>;
  onConnect: () => void;
}) {
  const { isAdmin, form, busy, enterMovesOn } = props;
  return (
    <Card title="Kết nối máy chủ đồng bộ của đơn vị" size="small" data-testid="sync-connect">
      {isAdmin ? (
        <>
          <Typography.Paragraph type="secondary">
            Máy chủ đồng bộ giúp các máy trong cơ quan thấy công việc của nhau và gửi sổ lên cơ quan cấp trên. Quản trị máy chủ cấp cho mỗi
            máy một mã đăng ký dùng một lần (hạn 7 ngày).
          </Typography.Paragraph>
          <Form form={form} layout="vertical" {...enterMovesOn} requiredMark={false} style={{ maxWidth: 560 }} disabled={busy}>
            <SyncServerFields devicePlaceholder="Máy văn thư tầng 1" />
            <Button type="primary" icon={<CloudSyncOutlined />} loading={busy} onClick={props.onConnect}>
              Kết nối
            </Button>
          </Form>
        </>
      ) : (
        <Alert type="info" showIcon title="Máy này chưa kết nối máy chủ đồng bộ. Người quản trị kết nối trong mục này." />
      )}
    </Card>
  );
}
