// Hết thời hạn bảo quản: closed dossiers whose retention has ended, as the draft Danh mục tài liệu
// hết giá trị for the office's council; printable. The program never deletes anything.
import { FilePdfOutlined } from '../../components/icons';
import { Alert, App, Button, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../shared/api/contract.js';
import { retentionLabel } from '../../../shared/api/dossiers.js';
import { formatDate } from '../../../shared/text/dates.js';
import { api, openFile } from '../../api/client';

type Row = MethodOutput<'dossiers.retentionEnded'>[number];

export function RetentionView({ onOpenDossier }: { onOpenDossier: (id: string) => void }) {
  const { message } = App.useApp();
  const [rows, setRows] = useState<Row[] | null>(null);
  useEffect(() => void api.call('dossiers.retentionEnded').then(setRows, (e: Error) => message.error(e.message)), [message]);
  return (
    <>
      <Space style={{ marginBottom: 8 }} wrap>
        <Alert
          type="info"
          showIcon
          title="Hồ sơ đã kết thúc, hết thời hạn bảo quản (tính từ năm sau năm kết thúc công việc). Danh mục này để trình Hội đồng xác định giá trị tài liệu; VănThư không tự hủy tài liệu nào."
        />
        <Button
          icon={<FilePdfOutlined />}
          onClick={() => void openFile('dossiers.printRetentionEnded', {}, false).catch((e: Error) => message.error(e.message))}
        >
          In danh mục tài liệu hết giá trị
        </Button>
      </Space>
      <Table<Row>
        size="small"
        rowKey={(r) => r.dossier.id}
        pagination={false}
        loading={rows === null}
        dataSource={rows ?? []}
        data-testid="retention-ended"
        locale={{ emptyText: 'Chưa có hồ sơ nào hết thời hạn bảo quản.' }}
        onRow={(r) => ({ onClick: () => onOpenDossier(r.dossier.id) })}
        columns={[
          { title: 'Mã hồ sơ', key: 'code', width: 180, render: (_, r) => r.dossier.fullCode },
          { title: 'Tiêu đề hồ sơ', key: 'title', render: (_, r) => r.dossier.title },
          {
            title: 'Thời gian tài liệu',
            key: 'dates',
            width: 190,
            render: (_, r) => [formatDate(r.dossier.startDate), formatDate(r.dossier.endDate)].filter(Boolean).join(' – '),
          },
          { title: 'Số văn bản', key: 'count', width: 90, align: 'right', render: (_, r) => r.dossier.documentCount },
          { title: 'Thời hạn bảo quản', key: 'retention', width: 130, render: (_, r) => retentionLabel(r.dossier.retention) },
          { title: 'Hết hạn sau năm', dataIndex: 'keptThrough', width: 120, align: 'center' },
        ]}
      />
    </>
  );
}
