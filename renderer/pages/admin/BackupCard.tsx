// Sao lưu và khôi phục: the daily backup folder, "Sao lưu ngay" with progress, restore from a
// backup folder (checked first, then VănThư restarts), and the full export.
import { ExportOutlined, SafetyOutlined } from '../../components/icons';
import { Alert, App, Button, Card, Input, Progress, Space, Switch, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { formatInstant } from '../../../shared/text/dates.js';
import type { MethodOutput } from '../../../shared/api/contract.js';
import { api } from '../../api/client';
import { useBusyAction } from '../../hooks/useBusyAction';
import { RestoreFromBackup } from './RestoreFromBackup';

type Status = MethodOutput<'backup.status'>;

export function BackupCard() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<Status | null>(null);
  const [folder, setFolder] = useState('');

  const load = useCallback(async () => {
    try {
      const s = await api.call('backup.status');
      setStatus(s);
      return s;
    } catch (err) {
      message.error((err as Error).message);
      return null;
    }
  }, [message]);
  useEffect(() => {
    void load().then((s) => s?.folder && setFolder(s.folder));
  }, [load]);
  const reload = useCallback(() => void load(), [load]);
  const [busy, act] = useBusyAction(reload);
  // Progress of a backup in flight.
  useEffect(() => {
    if (busy !== 'backup') return;
    const t = setInterval(() => void load(), 700);
    return () => clearInterval(t);
  }, [busy, load]);

  const saveSchedule = (enabled: boolean) =>
    act('schedule', async () => {
      await api.call('backup.setSchedule', { folder: folder.trim() || null, enabled });
      message.success(enabled ? 'Đã bật sao lưu hằng ngày.' : 'Đã tắt sao lưu hằng ngày.');
    });

  const backupNow = () =>
    act('backup', async () => {
      const r = await api.call('backup.create', folder.trim() ? { dir: folder.trim() } : {});
      message.success(`Đã sao lưu ${r.documents.toLocaleString('vi-VN')} văn bản và ${r.files.toLocaleString('vi-VN')} tệp vào ${r.path}.`);
      for (const w of r.warnings) message.warning(w);
    });

  const exportAll = () =>
    act('export', async () => {
      const r = await api.call('backup.exportAll', { dir: folder.trim() });
      message.success(`Đã xuất ${r.tables} bảng (${r.rows.toLocaleString('vi-VN')} dòng) và ${r.files} tệp vào ${r.path}.`);
    });

  const running = status?.running;
  return (
    <Card title="Sao lưu và khôi phục" size="small" style={{ marginTop: 16 }} data-testid="backup-card">
      {status?.warning && <Alert type="warning" showIcon title={status.warning} style={{ marginBottom: 12 }} />}
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        <Space wrap>
          <Typography.Text>Thư mục sao lưu:</Typography.Text>
          <Input
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            placeholder="Ví dụ: E:\SaoLuuVanThu hoặc \\may-chu\chung\VanThu"
            style={{ width: 380 }}
            aria-label="Thư mục sao lưu"
          />
          <Switch
            checked={status?.enabled ?? false}
            loading={busy === 'schedule'}
            onChange={(v) => void saveSchedule(v)}
            aria-label="Sao lưu hằng ngày"
          />
          <Typography.Text>Sao lưu hằng ngày (giữ 7 bản ngày, 4 bản tuần)</Typography.Text>
        </Space>
        <Space wrap>
          <Button
            type="primary"
            icon={<SafetyOutlined />}
            loading={busy === 'backup'}
            disabled={!folder.trim()}
            onClick={() => void backupNow()}
          >
            Sao lưu ngay
          </Button>
          <Button icon={<ExportOutlined />} loading={busy === 'export'} disabled={!folder.trim()} onClick={() => void exportAll()}>
            Xuất toàn bộ dữ liệu (JSON + tệp)
          </Button>
          {status?.lastGood && (
            <Typography.Text type="secondary">
              Lần sao lưu tốt gần nhất: {formatInstant(status.lastGood.at)} — {status.lastGood.path}
            </Typography.Text>
          )}
        </Space>
        {running && (
          <Progress percent={running.total ? Math.round((running.done / running.total) * 100) : 0} format={() => running.phase} />
        )}
        <RestoreFromBackup busy={busy} act={act} />
      </Space>
    </Card>
  );
}
