// Where this PC stands with the server: state, address, unit, last and next round, what waits.
import { Descriptions, Typography, Space, Switch, Tag } from 'antd';
import type { SyncStatus } from '../../../shared/api/sync.js';
import { formatInstant } from '../../../shared/text/dates.js';

export function SyncFacts(props: { status: SyncStatus; mayChange: boolean; busy: boolean; onEagerFiles: (eager: boolean) => void }) {
  const { status, mayChange, busy, onEagerFiles } = props;
  const state = status.running ? (
    <Tag color="processing">Đang đồng bộ…</Tag>
  ) : status.stopped ? (
    <Tag color="error">Đã dừng</Tag>
  ) : status.lastError ? (
    <Tag color="warning">Chưa đồng bộ được, sẽ thử lại</Tag>
  ) : status.lastSuccessAt ? (
    <Tag color="success">Đã đồng bộ</Tag>
  ) : (
    <Tag>Chưa đồng bộ lần nào</Tag>
  );

  return (
    <Descriptions size="small" bordered column={2}>
      <Descriptions.Item label="Trạng thái">{state}</Descriptions.Item>
      <Descriptions.Item label="Máy chủ">{status.url}</Descriptions.Item>
      <Descriptions.Item label="Đơn vị trên máy chủ">{status.unitName}</Descriptions.Item>
      <Descriptions.Item label="Tên máy này">{status.deviceName}</Descriptions.Item>
      <Descriptions.Item label="Lần đồng bộ gần nhất">
        {status.lastSuccessAt ? formatInstant(status.lastSuccessAt) : 'Chưa có'}
      </Descriptions.Item>
      <Descriptions.Item label="Lần thử tiếp theo">{status.nextAttemptAt ? formatInstant(status.nextAttemptAt) : '—'}</Descriptions.Item>
      <Descriptions.Item label="Thay đổi chờ gửi">
        <span data-testid="sync-waiting">{status.waiting.toLocaleString('vi-VN')}</span>
      </Descriptions.Item>
      <Descriptions.Item label="Tệp đính kèm chờ gửi">{status.filesWaiting.toLocaleString('vi-VN')}</Descriptions.Item>
      {status.setAside > 0 && (
        <Descriptions.Item label="Thay đổi máy chủ không nhận" span={2}>
          <Typography.Text type="danger" data-testid="sync-set-aside">
            {status.setAside.toLocaleString('vi-VN')} thay đổi bị máy chủ từ chối hẳn (thiếu chữ ký của người có quyền, hoặc dữ liệu không
            hợp lệ): vẫn giữ trên máy này, không gửi lại.
          </Typography.Text>
        </Descriptions.Item>
      )}
      <Descriptions.Item label="Tệp đính kèm của máy khác">
        <Space>
          <Switch
            size="small"
            checked={status.eagerFiles}
            disabled={!mayChange}
            loading={busy}
            onChange={onEagerFiles}
            aria-label="Tải tệp đính kèm về ngay"
          />
          {status.eagerFiles ? 'Tải về ngay khi đồng bộ' : 'Tải về khi mở'}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label="Mã truy cập của máy">
        {status.tokenProtection === 'os' ? 'Được hệ điều hành khóa' : 'Lưu trong thư mục dữ liệu'}
      </Descriptions.Item>
    </Descriptions>
  );
}
