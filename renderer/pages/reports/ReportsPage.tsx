// Báo cáo: received and issued documents in a period, and how the incoming ones were handled,
// grouped as the report needs; exported as an office report (PDF, Excel).
import { FileExcelOutlined, FilePdfOutlined } from '../../components/icons';
import { Alert, App, Button, DatePicker, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { REPORT_GROUP_LABELS, REPORT_GROUPS, type Report, type ReportRow, type UnitsReport } from '../../../shared/api/reports.js';
import { api, openFile } from '../../api/client';

export function ReportsPage() {
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs().endOf('month')]);
  const [groupBy, setGroupBy] = useState<Report['groupBy']>('type');
  const [report, setReport] = useState<Report | null>(null);
  const input = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), groupBy };
  useEffect(() => {
    void api.call('reports.summary', input).then(setReport, (e: Error) => message.error(e.message));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [range, groupBy]);
  const n = (v: number) => v.toLocaleString('vi-VN');
  // The units under this office are counted by the sync server: asked for, not at every change.
  const [units, setUnits] = useState<UnitsReport | null>(null);
  const [unitsError, setUnitsError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const askUnits = async () => {
    setAsking(true);
    setUnitsError(null);
    try {
      setUnits(await api.call('reports.units', input));
    } catch (err) {
      setUnits(null);
      setUnitsError((err as Error).message);
    } finally {
      setAsking(false);
    }
  };
  const figures = [
    { title: 'Văn bản đến', dataIndex: 'incoming', align: 'right' as const, render: n },
    { title: 'Văn bản đi', dataIndex: 'outgoing', align: 'right' as const, render: n },
    { title: 'Giải quyết đúng hạn', dataIndex: 'onTime', align: 'right' as const, render: n },
    { title: 'Giải quyết trễ hạn', dataIndex: 'late', align: 'right' as const, render: n },
    { title: 'Đang giải quyết', dataIndex: 'open', align: 'right' as const, render: n },
    { title: 'Quá hạn', dataIndex: 'overdue', align: 'right' as const, render: n },
  ];
  return (
    <div className="vt-page" style={{ overflow: 'auto' }}>
      <h1 className="vt-page-title">Báo cáo tình hình tiếp nhận, giải quyết văn bản</h1>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          value={range}
          allowClear={false}
          onChange={(r) => r?.[0] && r[1] && setRange([r[0], r[1]])}
        />
        <Select
          value={groupBy}
          onChange={setGroupBy}
          style={{ width: 200 }}
          aria-label="Nhóm theo"
          options={REPORT_GROUPS.map((g) => ({ value: g, label: `Theo ${REPORT_GROUP_LABELS[g].toLocaleLowerCase('vi')}` }))}
        />
        <Button
          icon={<FilePdfOutlined />}
          onClick={() => void openFile('reports.export', { ...input, format: 'pdf' }, false).catch((e: Error) => message.error(e.message))}
        >
          Xuất PDF
        </Button>
        <Button
          icon={<FileExcelOutlined />}
          onClick={() => void openFile('reports.export', { ...input, format: 'xlsx' }, true).catch((e: Error) => message.error(e.message))}
        >
          Xuất Excel
        </Button>
      </Space>
      <Table<ReportRow>
        bordered
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={report ? [...report.rows, report.total] : []}
        rowClassName={(r) => (r.key === 'total' ? 'vt-heading-row' : '')}
        columns={[{ title: REPORT_GROUP_LABELS[groupBy], dataIndex: 'label' }, ...figures]}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        Các đơn vị trực thuộc (theo máy chủ đồng bộ)
      </Typography.Title>
      <Space wrap style={{ marginBottom: 8 }}>
        <Button loading={asking} onClick={() => void askUnits()}>
          Xem báo cáo các đơn vị trực thuộc
        </Button>
        <Typography.Text type="secondary">
          Cùng khoảng ngày; đơn vị đã sáp nhập, giải thể được tính vào đơn vị tiếp nhận, mỗi văn bản một lần.
        </Typography.Text>
      </Space>
      {unitsError && <Alert type="warning" showIcon title={unitsError} />}
      {units && (
        <Table<UnitsReport['units'][number]['total'] & { unit: string }>
          bordered
          size="small"
          rowKey="key"
          pagination={false}
          data-testid="units-report"
          dataSource={[
            ...units.units.map((u) => ({ ...u.total, key: u.unit.id, unit: `${u.unit.name} (${u.unit.code})` })),
            { ...units.total, key: 'total', unit: 'Cộng' },
          ]}
          rowClassName={(r) => (r.key === 'total' ? 'vt-heading-row' : '')}
          columns={[{ title: 'Đơn vị', dataIndex: 'unit' }, ...figures]}
        />
      )}
    </div>
  );
}
