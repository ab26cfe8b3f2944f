// Truy cập tài liệu: views, downloads and prints by user in a period, from every PC of the office
// that synced; printed as a PDF for the record.
import { FilePdfOutlined } from '../../components/icons';
import { App, Button, Card, DatePicker, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../shared/api/contract.js';
import { formatInstant } from '../../../shared/text/dates.js';
import { api, openFile } from '../../api/client';

type Row = MethodOutput<'access.report'>[number];

export function AccessReportCard() {
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs()]);
  const [rows, setRows] = useState<Row[] | null>(null);
  const input = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  useEffect(() => {
    void api.call('access.report', input).then(setRows, (e: Error) => message.error(e.message));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [range]);
  return (
    <Card
      title="Truy cập tài liệu (xem, tải về, in)"
      size="small"
      style={{ marginTop: 16 }}
      extra={
        <Button
          icon={<FilePdfOutlined />}
          onClick={() => void openFile('access.print', input, false).catch((e: Error) => message.error(e.message))}
        >
          In báo cáo
        </Button>
      }
    >
      <DatePicker.RangePicker
        format="DD/MM/YYYY"
        value={range}
        allowClear={false}
        aria-label="Khoảng thời gian"
        style={{ marginBottom: 8 }}
        onChange={(r) => r?.[0] && r[1] && setRange([r[0], r[1]])}
      />
      <Table<Row>
        size="small"
        rowKey="userId"
        pagination={false}
        loading={rows === null}
        dataSource={rows ?? []}
        data-testid="access-report"
        locale={{ emptyText: 'Không có lượt truy cập nào trong khoảng này.' }}
        columns={[
          { title: 'Người dùng', key: 'user', render: (_, r) => r.userName ?? r.userId },
          { title: 'Lượt xem', dataIndex: 'views', align: 'right', width: 90 },
          { title: 'Lượt tải về', dataIndex: 'downloads', align: 'right', width: 100 },
          { title: 'Lượt in', dataIndex: 'prints', align: 'right', width: 80 },
          { title: 'Số văn bản, hồ sơ', dataIndex: 'things', align: 'right', width: 130 },
          { title: 'Lần cuối', key: 'last', width: 140, render: (_, r) => formatInstant(r.lastAt) },
        ]}
      />
    </Card>
  );
}
