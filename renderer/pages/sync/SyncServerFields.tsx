// The three fields that connect a PC to its office's sync server: address, one-time code and a
// name for the PC. In Đồng bộ (an office PC) and on a new PC's setup screen alike.
import { LinkOutlined } from '../../components/icons';
import { Form, Input } from 'antd';
import { fieldRule } from '../../components/contractRules';
import { syncConnectInput } from '../../../shared/api/sync.js';

export interface SyncServerValues {
  url: string;
  code: string;
  deviceName?: string;
}

export function SyncServerFields({ devicePlaceholder }: { devicePlaceholder: string }) {
  return (
    <>
      <Form.Item name="url" label="Địa chỉ máy chủ đồng bộ" required rules={[fieldRule(syncConnectInput.shape.url)]}>
        <Input autoFocus placeholder="https://dongbo.sgdtuyenquang.edu.vn" prefix={<LinkOutlined />} />
      </Form.Item>
      <Form.Item name="code" label="Mã đăng ký" required rules={[fieldRule(syncConnectInput.shape.code)]}>
        <Input placeholder="K7QM-2XHD-9TPA-4WNE-…" style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item name="deviceName" label="Tên máy này (để quản trị nhận ra)">
        <Input placeholder={devicePlaceholder} />
      </Form.Item>
    </>
  );
}
