import { Alert, Button, Card, Form, Input } from 'antd';
import { filledIn } from '../components/errors';
import { useState } from 'react';
import type { Me } from '../../shared/api/admin.js';
import { api } from '../api/client';
import { useEnterMovesOn } from '../hooks/useEnterMovesOn';
import { fieldRule } from '../components/contractRules';
import { loginInput } from '../../shared/api/admin.js';

export function LoginPage({ onDone }: { onDone: (me: Me) => void }) {
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const v = await filledIn(form);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await api.call('auth.login', v));
    } catch (err) {
      setError((err as Error).message);
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };
  const enterMovesOn = useEnterMovesOn(() => void submit());

  return (
    <div className="vt-center">
      <Card className="vt-card" title="Đăng nhập VănThư">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" {...enterMovesOn} requiredMark={false}>
          <Form.Item name="username" label="Tên đăng nhập" required rules={[fieldRule(loginInput.shape.username)]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label="Mật khẩu" required rules={[fieldRule(loginInput.shape.password)]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" block loading={busy} onClick={() => void submit()}>
            Đăng nhập
          </Button>
        </Form>
      </Card>
    </div>
  );
}
