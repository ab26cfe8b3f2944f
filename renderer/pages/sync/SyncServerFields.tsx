// The three fields that connect a PC to its office's sync server: address, one-time code and a
// name for the PC. In Đồng bộ (an office PC) and on a new PC's setup screen alike.
import { LinkOutlined } from '@ant-design/icons';
import { Form, Input } from 'antd';

export interface SyncServerValues {
  url: string;
  code: string;
  deviceName?: string;
}

export function SyncServerFields({ devicePlaceholder }: { devicePlaceholder: string }) {
  return (
    <>
      <Form.Item
        name="url"
        label="Địa chỉ máy chủ đồng bộ"
        rules={[{ required: true, whitespace: true, message: 'Chưa nhập địa chỉ máy chủ.' }]}
      >
        <Input autoFocus placeholder="https://dongbo.pgd-hoankiem.edu.vn" prefix={<LinkOutlined />} />
      </Form.Item>
      <Form.Item name="code" label="Mã đăng ký" rules={[{ required: true, whitespace: true, message: 'Chưa nhập mã đăng ký.' }]}>
        <Input placeholder="K7QM-2XHD-9TPA-4WNE-…" style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item name="deviceName" label="Tên máy này (để quản trị nhận ra)">
        <Input placeholder={devicePlaceholder} />
      </Form.Item>
    </>
  );
}
