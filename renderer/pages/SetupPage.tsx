import { App, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import type { Me } from '../../shared/api/admin.js';
import { api } from '../api/client';
import { showFieldError, filledIn } from '../components/errors';
import { useEnterMovesOn } from '../hooks/useEnterMovesOn';
import { JoinOfficeForm } from './JoinOfficeForm';
import { fieldRule } from '../components/contractRules';
import { setupInitializeInput } from '../../shared/api/admin.js';

interface Values {
  unitName: string;
  unitCode: string;
  adminFullName: string;
  adminUsername: string;
  adminPassword: string;
  confirm: string;
}

export function SetupPage({
  onDone,
  onJoined,
  preset,
  join,
}: {
  onDone: (me: Me) => void;
  onJoined: () => void;
  preset?: { unitName: string | null; unitCode: string | null } | null;
  join?: { url: string; code: string | null } | null;
}) {
  const [mode, setMode] = useState<'first' | 'join'>(join ? 'join' : 'first');
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();

  const submit = async () => {
    const v = await filledIn(form);
    if (!v) return;
    setBusy(true);
    try {
      const { confirm: _c, ...input } = v;
      onDone(await api.call('setup.initialize', input));
    } catch (err) {
      if (!showFieldError(form, err)) message.error((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const enterMovesOn = useEnterMovesOn(() => void submit());

  return (
    <div className="vt-center">
      <Card className="vt-card" title="Thiết lập VănThư lần đầu">
        <Segmented
          block
          style={{ marginBottom: 16 }}
          value={mode}
          onChange={(v) => setMode(v as 'first' | 'join')}
          options={[
            { value: 'first', label: 'Máy đầu tiên của đơn vị' },
            { value: 'join', label: 'Nối vào đơn vị đã có' },
          ]}
        />
        {mode === 'join' ? (
          <JoinOfficeForm join={join ?? null} onJoined={onJoined} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              Nhập tên cơ quan và tạo tài khoản quản trị. Sổ văn bản đến của năm nay và danh mục loại văn bản được tạo sẵn.
            </Typography.Paragraph>
            {preset && (
              <Typography.Paragraph type="secondary">
                Tên và mã đơn vị lấy từ tệp cấu hình vanthu.config.json của bộ phận tin học; có thể sửa.
              </Typography.Paragraph>
            )}
            <Form
              form={form}
              layout="vertical"
              {...enterMovesOn}
              requiredMark={false}
              disabled={busy}
              initialValues={{ unitName: preset?.unitName ?? undefined, unitCode: preset?.unitCode ?? undefined }}
            >
              <Form.Item name="unitName" label="Tên cơ quan, đơn vị" required rules={[fieldRule(setupInitializeInput.shape.unitName)]}>
                <Input autoFocus placeholder="Ví dụ: Sở Giáo dục và Đào tạo Tuyên Quang" />
              </Form.Item>
              <Form.Item
                name="unitCode"
                label="Mã, chữ viết tắt của cơ quan"
                required
                rules={[fieldRule(setupInitializeInput.shape.unitCode)]}
              >
                <Input placeholder="Ví dụ: PGDĐT" />
              </Form.Item>
              <Form.Item
                name="adminFullName"
                label="Họ và tên người quản trị"
                required
                rules={[fieldRule(setupInitializeInput.shape.adminFullName)]}
              >
                <Input />
              </Form.Item>
              <Form.Item name="adminUsername" label="Tên đăng nhập" required rules={[fieldRule(setupInitializeInput.shape.adminUsername)]}>
                <Input autoComplete="username" />
              </Form.Item>
              <Form.Item
                name="adminPassword"
                label="Mật khẩu (ít nhất 8 ký tự)"
                required
                rules={[fieldRule(setupInitializeInput.shape.adminPassword)]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                name="confirm"
                label="Nhập lại mật khẩu"
                dependencies={['adminPassword']}
                rules={[
                  { required: true, message: 'Hãy nhập lại mật khẩu.' },
                  ({ getFieldValue }) => ({
                    validator: (_, v) =>
                      v === getFieldValue('adminPassword') ? Promise.resolve() : Promise.reject(new Error('Hai mật khẩu không khớp.')),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" block loading={busy} onClick={() => void submit()}>
                Bắt đầu sử dụng
              </Button>
            </Form>
          </>
        )}
      </Card>
    </div>
  );
}
