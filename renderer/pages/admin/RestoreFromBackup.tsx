// Khôi phục: a backup folder checked first (manifest, every file's sha256, SQLite's integrity,
// the schema version), then restored at the next start — VănThư restarts.
import { CloudDownloadOutlined, HistoryOutlined } from '../../components/icons';
import { App, Button, Descriptions, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { MethodOutput } from '../../../shared/api/contract.js';
import { formatInstant } from '../../../shared/text/dates.js';
import { api } from '../../api/client';

type Verified = MethodOutput<'backup.verify'>;

export function RestoreFromBackup({ busy, act }: { busy: string | null; act: (what: string, fn: () => Promise<void>) => Promise<void> }) {
  const { message } = App.useApp();
  const [restorePath, setRestorePath] = useState('');
  const [verified, setVerified] = useState<Verified | null>(null);
  const verify = () =>
    act('verify', async () => {
      setVerified(await api.call('backup.verify', { path: restorePath.trim() }));
    });

  const restore = () =>
    Modal.confirm({
      title: 'Khôi phục từ bản sao lưu này?',
      content:
        'Dữ liệu hiện tại được giữ riêng (không xóa) rồi thay bằng bản sao lưu. VănThư sẽ khởi động lại; mọi người cần đăng nhập lại.',
      okText: 'Khôi phục',
      cancelText: 'Thôi',
      okButtonProps: { danger: true },
      onOk: () =>
        act('restore', async () => {
          await api.call('backup.restore', { path: restorePath.trim() });
          message.info('Đang khôi phục và khởi động lại…');
          setTimeout(() => window.location.reload(), 2500);
        }),
    });

  return (
    <>
      <Space wrap>
        <HistoryOutlined />
        <Typography.Text>Khôi phục từ thư mục sao lưu:</Typography.Text>
        <Input
          value={restorePath}
          onChange={(e) => {
            setRestorePath(e.target.value);
            setVerified(null);
          }}
          style={{ width: 380 }}
          aria-label="Thư mục bản sao lưu"
        />
        <Button icon={<CloudDownloadOutlined />} loading={busy === 'verify'} disabled={!restorePath.trim()} onClick={() => void verify()}>
          Kiểm tra
        </Button>
        <Button danger disabled={!verified} loading={busy === 'restore'} onClick={restore}>
          Khôi phục
        </Button>
      </Space>
      {verified && <VerifiedBackup verified={verified} />}
    </>
  );
}

/** What a checked backup holds: when, whose, how much, from which version — and that it is whole. */
function VerifiedBackup({ verified }: { verified: Verified }) {
  return (
    <Descriptions size="small" bordered column={2} data-testid="backup-verified">
      <Descriptions.Item label="Sao lưu lúc">{formatInstant(verified.createdAt)}</Descriptions.Item>
      <Descriptions.Item label="Đơn vị">{verified.unit?.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="Số văn bản">{verified.documents.toLocaleString('vi-VN')}</Descriptions.Item>
      <Descriptions.Item label="Tệp đính kèm">{verified.files.toLocaleString('vi-VN')}</Descriptions.Item>
      <Descriptions.Item label="Phiên bản">
        {verified.appVersion} (lược đồ {verified.schemaVersion})
      </Descriptions.Item>
      <Descriptions.Item label="Kiểm tra">Toàn vẹn, khớp mã kiểm tra</Descriptions.Item>
    </Descriptions>
  );
}
