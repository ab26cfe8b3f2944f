// Liên thông văn bản: the office's mã định danh (one for the whole unit, synced) and this PC's
// ways out — the sync server (when it syncs), a folder pair for an axis client or a USB stick,
// an exchange axis with its access token (kept sealed on this PC, never shown again).
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { MethodOutput } from '../../../shared/api/contract.js';
import { api } from '../../api/client';
import { showFieldError } from '../../components/errors';

type Settings = MethodOutput<'exchange.settings'>;

export function ExchangeCard() {
  const { message } = App.useApp();
  const [s, setS] = useState<Settings | null>(null);
  const [idForm] = Form.useForm<{ organId: string }>();
  const [routes] = Form.useForm<{ inFolder: string; outFolder: string; axisUrl: string; axisToken: string }>();
  const fill = useCallback(
    (v: Settings) => {
      setS(v);
      idForm.setFieldsValue({ organId: v.organId ?? '' });
      routes.setFieldsValue({ inFolder: v.inFolder ?? '', outFolder: v.outFolder ?? '', axisUrl: v.axisUrl ?? '', axisToken: '' });
    },
    [idForm, routes],
  );
  useEffect(() => {
    api.call('exchange.settings').then(fill, (err: Error) => message.error(err.message));
  }, [fill, message]);

  const saveId = async () => {
    try {
      fill(await api.call('exchange.setOrganId', { organId: idForm.getFieldValue('organId') as string }));
      idForm.setFields([{ name: 'organId', errors: [] }]);
      message.success('Đã lưu mã định danh của cơ quan.');
    } catch (err) {
      if (!showFieldError(idForm, err)) message.error((err as Error).message);
    }
  };
  const saveRoutes = async () => {
    const v = routes.getFieldsValue();
    const orNull = (t: string | undefined) => (t?.trim() ? t.trim() : null);
    try {
      routes.setFields((['inFolder', 'outFolder', 'axisUrl', 'axisToken'] as const).map((name) => ({ name, errors: [] })));
      fill(
        await api.call('exchange.setRoutes', {
          inFolder: orNull(v.inFolder),
          outFolder: orNull(v.outFolder),
          axisUrl: orNull(v.axisUrl),
          ...(v.axisToken ? { axisToken: v.axisToken } : {}),
        }),
      );
      message.success('Đã lưu đường liên thông của máy này.');
    } catch (err) {
      if (!showFieldError(routes, err)) message.error((err as Error).message);
    }
  };

  return (
    <Card title="Liên thông văn bản" size="small" style={{ marginBottom: 16 }}>
      <Form form={idForm} layout="inline" onFinish={() => void saveId()}>
        <Form.Item name="organId" label="Mã định danh của cơ quan" extra="Dạng 000.00.00.G22 (QCVN 102:2016), do cơ quan cấp trên cấp.">
          <Input style={{ width: 180 }} placeholder="000.00.00.H42" />
        </Form.Item>
        <Button htmlType="submit" type="primary">
          Lưu mã
        </Button>
      </Form>
      {s && !s.organId && (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          title="Chưa có mã định danh: chưa gửi, nhận văn bản điện tử liên thông được."
        />
      )}
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 8 }}>
        <strong>Đường gửi, nhận của máy này.</strong>{' '}
        {s?.viaServer
          ? 'Máy đang đồng bộ: gói tin giữa các đơn vị cùng máy chủ đồng bộ đi qua máy chủ.'
          : 'Máy chưa đồng bộ với máy chủ nào: dùng thư mục hoặc trục liên thông.'}{' '}
        Văn bản Mật trở lên không bao giờ gửi điện tử.
      </Typography.Paragraph>
      <Form form={routes} layout="vertical" onFinish={() => void saveRoutes()} style={{ maxWidth: 720 }}>
        <Space align="start" wrap>
          <Form.Item name="inFolder" label="Thư mục nhận gói tin (.edxml)" style={{ width: 340 }}>
            <Input placeholder="Ví dụ D:\LienThong\Den" />
          </Form.Item>
          <Form.Item name="outFolder" label="Thư mục ghi gói tin gửi đi" style={{ width: 340 }}>
            <Input placeholder="Ví dụ D:\LienThong\Di" />
          </Form.Item>
        </Space>
        <Space align="start" wrap>
          <Form.Item name="axisUrl" label="Địa chỉ trục liên thông" style={{ width: 340 }}>
            <Input placeholder="https://…" />
          </Form.Item>
          <Form.Item
            name="axisToken"
            label="Mã truy cập trục"
            style={{ width: 340 }}
            extra={[
              s?.axisTokenSet ? 'Đã lưu (không hiện lại); để trống nếu không đổi.' : null,
              s?.axisTokenSealed
                ? 'Cất trên máy này, mã hóa bằng khóa của hệ điều hành.'
                : 'Chế độ trình duyệt: mã cất trong thư mục dữ liệu của máy này, không mã hóa.',
            ]
              .filter(Boolean)
              .join(' ')}
          >
            <Input.Password autoComplete="off" />
          </Form.Item>
        </Space>
        <Button htmlType="submit">Lưu đường liên thông</Button>
        {s && (
          <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
            Gói tin lớn nhất nhận được: {s.maxPackageMb} MB.
          </Typography.Text>
        )}
      </Form>
    </Card>
  );
}
