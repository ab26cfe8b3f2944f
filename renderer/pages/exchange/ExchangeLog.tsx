// Sổ theo dõi liên thông on screen: every message in and out, newest first, with the status it
// carried and when; "In sổ" prints the same rows for the chosen days.
import { PrinterOutlined } from '../../components/icons';
import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ExchangeMessage } from '../../../shared/api/exchange.js';
import { STATUS_LABELS } from '../../../shared/domain/exchange.js';
import { formatInstant } from '../../../shared/text/dates.js';
import { api, openFile } from '../../api/client';
import { DateInput, toIsoDate } from '../../components/DateInput';
import { useRowCursor } from '../../hooks/useRowCursor';
import { StateTag } from './StateTag';

const VIA = { file: 'Tệp', server: 'Máy chủ đồng bộ', axis: 'Trục liên thông' } as const;

export function ExchangeLog() {
  const { message } = App.useApp();
  const [rows, setRows] = useState<ExchangeMessage[]>([]);
  const [range, setRange] = useState<[string, string]>(['', '']);
  useEffect(() => {
    api.call('exchange.list', { limit: 1000 }).then(setRows, (err: Error) => message.error(err.message));
  }, [message]);
  const cursor = useRowCursor({ rows, idPrefix: 'vt-exchange-log' });
  const print = () => {
    const from = toIsoDate(range[0]) ?? undefined;
    const to = toIsoDate(range[1]) ?? undefined;
    void openFile('exchange.print', { ...(from ? { from } : {}), ...(to ? { to } : {}) }, false).catch((e: Error) =>
      message.error(e.message),
    );
  };
  return (
    <>
      <div className="vt-toolbar">
        <Space>
          <span>Từ ngày</span>
          <DateInput value={range[0]} onChange={(v) => setRange([v, range[1]])} aria-label="In từ ngày" />
          <span>đến ngày</span>
          <DateInput value={range[1]} onChange={(v) => setRange([range[0], v])} aria-label="In đến ngày" />
          <Button icon={<PrinterOutlined />} onClick={print}>
            In sổ
          </Button>
        </Space>
      </div>
      <div className="vt-table-wrap" {...cursor.frameProps} aria-label="Sổ theo dõi liên thông — mũi tên để xem từng dòng">
        <Table<ExchangeMessage>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={rows}
          onRow={(r, i) => cursor.rowProps(r, i ?? 0)}
          rowClassName={(_, i) => cursor.rowClass(i)}
          locale={{ emptyText: 'Chưa gửi, nhận văn bản điện tử nào.' }}
          columns={[
            {
              title: 'Thời gian',
              key: 'at',
              width: 130,
              render: (_, m) => formatInstant(m.direction === 'out' ? (m.sentAt ?? m.at) : m.at),
            },
            {
              title: 'Gửi / nhận',
              key: 'dir',
              width: 90,
              render: (_, m) => (
                <Tag color={m.direction === 'out' ? 'geekblue' : 'cyan'}>{m.direction === 'out' ? 'Gửi đi' : 'Nhận về'}</Tag>
              ),
            },
            {
              title: 'Cơ quan',
              key: 'peer',
              width: 230,
              render: (_, m) => (
                <>
                  {m.peerName ?? '—'}
                  {m.peerOrganId && <Typography.Text type="secondary"> ({m.peerOrganId})</Typography.Text>}
                </>
              ),
            },
            { title: 'Số, ký hiệu', key: 'code', width: 150, render: (_, m) => m.header?.code ?? m.edxmlId?.split(',').slice(2).join(',') },
            {
              title: 'Văn bản hoặc trạng thái',
              key: 'what',
              render: (_, m) =>
                m.kind === 'status' ? (
                  <>
                    <Tag>{m.statusCode}</Tag>
                    {m.statusCode && STATUS_LABELS[m.statusCode]}
                    {m.description && <Typography.Text type="secondary"> — {m.description}</Typography.Text>}
                  </>
                ) : m.metadataOnly ? (
                  'Văn bản mật — chỉ thông tin'
                ) : (
                  m.header?.summary
                ),
            },
            { title: 'Qua', key: 'via', width: 120, render: (_, m) => VIA[m.transport] },
            {
              title: 'Tình trạng',
              key: 'state',
              width: 200,
              render: (_, m) => (
                <>
                  <StateTag m={m} />
                  {m.error && <Typography.Text type="danger">{m.error}</Typography.Text>}
                </>
              ),
            },
          ]}
        />
      </div>
    </>
  );
}
