// Ký số: this PC's token library (the .dll/.so the CA's token software installs), the office's seal
// image and its real diameter, and a leader's signature image (a leader sets his own from the
// signing dialog). Images are PNG with a transparent background; the backend checks them.
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { MethodOutput } from '../../../shared/api/contract.js';
import type { UserRecord } from '../../../shared/api/admin.js';
import { api } from '../../api/client';
import { fileBase64 } from '../../components/fileBase64';

type Settings = MethodOutput<'signing.settings'>;

export function SigningCard() {
  const { message } = App.useApp();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [module, setModule] = useState('');
  const [tsa, setTsa] = useState('');
  const [diameter, setDiameter] = useState<number | null>(36);
  const [leaders, setLeaders] = useState<UserRecord[]>([]);
  const [leaderId, setLeaderId] = useState<string | undefined>();
  const [seal, setSeal] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      const s = await api.call('signing.settings');
      setSettings(s);
      setModule(s.pkcs11Module ?? '');
      setTsa(s.tsaUrl ?? '');
      if (s.seal) setDiameter(s.seal.diameterMm);
      setSeal((await api.call('signing.image', { kind: 'seal' })).png);
      setLeaders((await api.call('users.list')).filter((u) => u.roles.includes('leader') && u.active));
    } catch (err) {
      message.error(`Chưa đọc được cài đặt ký số: ${(err as Error).message}`);
    }
  }, [message]);
  useEffect(() => void load(), [load]);

  const saveModule = async () => {
    try {
      await api.call('signing.setModule', { pkcs11Module: module });
      message.success('Đã lưu thư viện ký số của máy này.');
      await load();
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  const saveTsa = async () => {
    try {
      await api.call('signing.setTsa', { tsaUrl: tsa });
      message.success(
        tsa ? 'Đã lưu máy chủ dấu thời gian: chữ ký số sẽ có dấu thời gian (PAdES B-T).' : 'Đã bỏ dấu thời gian (PAdES B-B).',
      );
      await load();
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  const upload = async (file: File, kind: 'seal' | 'signature') => {
    try {
      const png = await fileBase64(file);
      if (kind === 'seal') await api.call('signing.setImage', { kind, png, diameterMm: diameter ?? 0 });
      else await api.call('signing.setImage', { kind, png, ...(leaderId ? { userId: leaderId } : {}) });
      message.success(kind === 'seal' ? 'Đã lưu ảnh con dấu.' : 'Đã lưu ảnh chữ ký.');
      await load();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  return (
    <Card title="Ký số văn bản đi" size="small" style={{ marginBottom: 16 }} data-testid="signing-card">
      <Typography.Paragraph type="secondary">
        Lãnh đạo ký số bằng thiết bị ký số (USB token) của mình; văn thư ký số của cơ quan kèm hình con dấu. Mã PIN được hỏi mỗi lần ký và
        không bao giờ được lưu.
      </Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void saveModule()}>
        <Form.Item
          label="Thư viện PKCS#11 của thiết bị ký số trên máy này"
          extra="Tệp .dll (Windows) hoặc .so (Linux) do phần mềm của tổ chức cấp chứng thư cài đặt, ví dụ C:\Windows\System32\…p11.dll."
        >
          <Space.Compact style={{ width: '100%' }}>
            <Input aria-label="Thư viện PKCS#11" value={module} onChange={(e) => setModule(e.target.value)} />
            <Button htmlType="submit">Lưu</Button>
          </Space.Compact>
        </Form.Item>
      </Form>
      <Form layout="vertical" onFinish={() => void saveTsa()}>
        <Form.Item
          label="Máy chủ cấp dấu thời gian (RFC 3161) của cơ quan"
          extra="Có địa chỉ này, mỗi chữ ký số gắn dấu thời gian của máy chủ (PAdES B-T); khi máy không kết nối được, văn bản vẫn được ký và được báo là chưa có dấu thời gian."
        >
          <Space.Compact style={{ width: '100%' }}>
            <Input aria-label="Máy chủ dấu thời gian" placeholder="http://…" value={tsa} onChange={(e) => setTsa(e.target.value)} />
            <Button htmlType="submit">Lưu</Button>
          </Space.Compact>
        </Form.Item>
      </Form>
      <Space align="start" size={24} wrap>
        <div>
          <Typography.Text strong>Con dấu của cơ quan</Typography.Text>
          <div style={{ margin: '8px 0' }}>
            {seal ? (
              <img src={`data:image/png;base64,${seal}`} alt="Ảnh con dấu hiện tại" style={{ height: 96, background: '#fff' }} />
            ) : (
              <Typography.Text type="secondary">Chưa có ảnh con dấu.</Typography.Text>
            )}
          </div>
          <Space>
            <InputNumber aria-label="Đường kính con dấu (mm)" min={20} max={60} value={diameter} onChange={setDiameter} addonAfter="mm" />
            <Upload
              accept=".png"
              showUploadList={false}
              customRequest={() => undefined}
              beforeUpload={(f) => (void upload(f, 'seal'), false)}
            >
              <Button>Tải ảnh con dấu (PNG nền trong suốt)…</Button>
            </Upload>
          </Space>
          {settings?.seal && <div>Đường kính đã lưu: {settings.seal.diameterMm} mm</div>}
        </div>
        <div>
          <Typography.Text strong>Ảnh chữ ký của lãnh đạo</Typography.Text>
          <div style={{ margin: '8px 0' }}>
            <Select
              aria-label="Lãnh đạo"
              placeholder="Chọn lãnh đạo"
              style={{ width: 240 }}
              value={leaderId}
              onChange={setLeaderId}
              options={leaders.map((u) => ({ value: u.id, label: u.fullName }))}
            />
          </div>
          <Upload
            accept=".png"
            showUploadList={false}
            customRequest={() => undefined}
            disabled={!leaderId}
            beforeUpload={(f) => (void upload(f, 'signature'), false)}
          >
            <Button disabled={!leaderId}>Tải ảnh chữ ký (PNG nền trong suốt)…</Button>
          </Upload>
        </div>
      </Space>
    </Card>
  );
}
