// A new PC of an office that already uses VănThư: enrolled with the server's one-time code, it
// downloads the office's data (users, books, registers) instead of being set up from nothing.
import { CloudDownloadOutlined } from '../components/icons';
import { Alert, App, Button, Form, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { showFieldError, filledIn } from '../components/errors';
import { useEnterMovesOn } from '../hooks/useEnterMovesOn';
import { SyncServerFields, type SyncServerValues } from './sync/SyncServerFields';

export function JoinOfficeForm({ join, onJoined }: { join: { url: string; code: string | null } | null; onJoined: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<SyncServerValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const values = await filledIn(form);
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.call('setup.join', values);
      if (!r.initialized) {
        setError(
          'Đơn vị trên máy chủ chưa có dữ liệu. Hãy thiết lập máy đầu tiên của đơn vị (thẻ bên cạnh); máy này đã được đăng ký và sẽ gửi dữ liệu lên.',
        );
        return;
      }
      message.success('Đã tải dữ liệu của đơn vị. Hãy đăng nhập bằng tài khoản của mình.');
      onJoined();
    } catch (err) {
      if (!showFieldError(form, err)) setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const enterMovesOn = useEnterMovesOn(() => void submit());

  return (
    <>
      <Typography.Paragraph type="secondary">
        Nhập địa chỉ máy chủ đồng bộ và mã đăng ký do quản trị cấp. Dữ liệu của đơn vị (người dùng, sổ, văn bản) được tải về máy này; sau đó
        đăng nhập như ở máy khác.
      </Typography.Paragraph>
      {join && (
        <Typography.Paragraph type="secondary">
          Địa chỉ {join.code ? 'và mã ' : ''}lấy từ tệp cấu hình vanthu.config.json của bộ phận tin học.
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="join-error" />}
      <Form
        form={form}
        layout="vertical"
        {...enterMovesOn}
        requiredMark={false}
        disabled={busy}
        initialValues={{ url: join?.url ?? undefined, code: join?.code ?? undefined }}
      >
        <SyncServerFields devicePlaceholder="Máy lãnh đạo" />
        <Button type="primary" block icon={<CloudDownloadOutlined />} loading={busy} onClick={() => void submit()}>
          {busy ? 'Đang tải dữ liệu của đơn vị…' : 'Kết nối và tải dữ liệu'}
        </Button>
      </Form>
    </>
  );
}
