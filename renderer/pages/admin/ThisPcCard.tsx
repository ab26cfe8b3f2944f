// Máy tính này: whether this PC is declared off every network. Only such a PC may keep the files
// of secret documents (Luật Bảo vệ bí mật nhà nước 2018, Điều 5); it then does not sync.
import { Alert, App, Card, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';

export function ThisPcCard() {
  const { message } = App.useApp();
  const [pc, setPc] = useState<{ airGapped: boolean; syncEnrolled: boolean } | null>(null);
  useEffect(() => {
    api.call('pc.get').then(setPc, (err: Error) => message.error(`Chưa đọc được thông tin máy này: ${err.message}`));
  }, [message]);
  const change = async (airGapped: boolean) => {
    try {
      setPc(await api.call('pc.setAirGapped', { airGapped }));
      message.success(airGapped ? 'Đã khai báo máy này không nối mạng.' : 'Đã khai báo máy này có nối mạng.');
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  return (
    <Card title="Máy tính này" size="small" style={{ marginBottom: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space>
          <Switch
            id="pc-air-gapped"
            checked={pc?.airGapped ?? false}
            disabled={!pc}
            onChange={(v) => void change(v)}
            aria-describedby="pc-air-gapped-help"
          />
          <label htmlFor="pc-air-gapped">Máy này không kết nối mạng nào (không Internet, không mạng nội bộ)</label>
        </Space>
        <Typography.Text id="pc-air-gapped-help" type="secondary">
          Chỉ máy không nối mạng mới được lưu tệp của văn bản mật (Luật Bảo vệ bí mật nhà nước 2018, Điều 5). Máy đã khai báo như vậy không
          đồng bộ với máy chủ.
        </Typography.Text>
        {pc?.syncEnrolled && !pc.airGapped && (
          <Alert
            type="info"
            showIcon
            title="Máy này đang kết nối máy chủ đồng bộ: hãy ngắt đồng bộ trước khi khai báo máy không nối mạng."
          />
        )}
      </Space>
    </Card>
  );
}
