// Liên thông văn bản (#18): the packages that came in (each with its state and, when it could
// not be taken, why), opened from a file or dropped here, registered from their header or
// refused with a reason; and the Sổ theo dõi liên thông — every message in and out with its
// status and time, printable. "Nhận, gửi ngay" runs the queue at once instead of waiting.
import { CloudSyncOutlined, InboxOutlined, ReloadOutlined } from '../../components/icons';
import { Alert, App, Button, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../../../shared/api/admin.js';
import { mayCall } from '../../../shared/api/access.js';
import type { MethodOutput } from '../../../shared/api/contract.js';
import { EXCHANGE_STATE_LABELS, type ExchangeMessage } from '../../../shared/api/exchange.js';
import { formatDate, formatInstant } from '../../../shared/text/dates.js';
import { api, receivePackage } from '../../api/client';
import { askReason } from '../../components/askReason';
import { PageTitle } from '../../components/PageTitle';
import { useRowCursor } from '../../hooks/useRowCursor';
import { IncomingForm } from '../incoming/IncomingForm';
import { ExchangeLog } from './ExchangeLog';
import { StateTag } from './StateTag';

export function ExchangePage({ me, onChanged }: { me: Me; onChanged?: () => void }) {
  const { message, modal } = App.useApp();
  const [view, setView] = useState<'inbox' | 'log'>('inbox');
  const [rows, setRows] = useState<ExchangeMessage[]>([]);
  const [settings, setSettings] = useState<MethodOutput<'exchange.settings'> | null>(null);
  const [registering, setRegistering] = useState<ExchangeMessage | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [pumping, setPumping] = useState(false);
  const canRegister = mayCall(me, 'exchange.register');

  const load = useCallback(async () => {
    const [list, s] = await Promise.all([api.call('exchange.list', { direction: 'in', kind: 'package' }), api.call('exchange.settings')]);
    setRows(list);
    setSettings(s);
  }, []);
  useEffect(() => void load().catch((err: Error) => message.error(err.message)), [load, message]);

  const open = (m: ExchangeMessage) => {
    if (!canRegister) return;
    if (m.state === 'moi') setRegistering(m);
    else if (m.state === 'loi') message.warning(m.error ?? 'Gói tin này không nhận được.');
    else message.info(`Gói tin này ${EXCHANGE_STATE_LABELS[m.state].toLowerCase()}.`);
  };
  const cursor = useRowCursor({ rows, idPrefix: 'vt-exchange-in', onOpen: open });

  const received = async (file: File) => {
    setPercent(0);
    try {
      const m = await receivePackage(file, (f) => setPercent(Math.round(f * 100)));
      await load();
      onChanged?.();
      if (m.state === 'loi') message.error(`Không nhận gói tin “${file.name}”: ${m.error}`);
      else {
        message.success(`Đã nhận gói tin “${file.name}”${m.header ? ` — ${m.header.code}` : ''}.`);
        if (m.kind === 'package' && m.state === 'moi' && canRegister) setRegistering(m);
      }
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setPercent(null);
    }
  };

  const pump = async () => {
    setPumping(true);
    try {
      const r = await api.call('exchange.pump');
      await load();
      onChanged?.();
      const said = `Đã gửi ${r.sent}, nhận ${r.received} gói tin.`;
      if (r.problems.length) message.warning(`${said} ${r.problems.join(' ')}`);
      else message.success(said);
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setPumping(false);
    }
  };

  const refuse = (m: ExchangeMessage) =>
    askReason(modal, {
      title: `Từ chối gói tin ${m.header?.code ?? m.fileName ?? ''}? Nơi gửi được báo “Từ chối” kèm lý do.`,
      label: 'lý do từ chối',
      placeholder: 'Ví dụ: Gửi nhầm cơ quan; tệp không đọc được; chữ ký số không hợp lệ',
      okText: 'Từ chối',
      danger: true,
      onOk: async (reason) => {
        try {
          await api.call('exchange.refuse', { id: m.id, reason });
          message.success('Đã từ chối; trạng thái “Từ chối” chờ gửi về nơi gửi.');
          await load();
        } catch (err) {
          message.error((err as Error).message);
          throw err;
        }
      },
    });

  const waiting = rows.filter((r) => r.state === 'moi').length;
  return (
    <div className="vt-page" style={{ overflow: 'auto' }}>
      <PageTitle
        title={view === 'inbox' ? 'Văn bản điện tử đến (liên thông)' : 'Sổ theo dõi liên thông'}
        value={view}
        onChange={setView}
        views={[
          { value: 'inbox', label: `Gói tin đến${waiting ? ` (${waiting})` : ''}` },
          { value: 'log', label: 'Sổ theo dõi liên thông' },
        ]}
      />
      {settings && !settings.organId && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title="Cơ quan chưa có mã định danh: quản trị nhập ở Quản trị → Liên thông văn bản. Chưa có mã thì chưa nhận, gửi được."
        />
      )}
      {view === 'log' ? (
        <ExchangeLog />
      ) : (
        <>
          <div className="vt-toolbar">
            <Typography.Text type="secondary">
              {settings?.organId ? `Mã định danh: ${settings.organId}` : ''}
              {settings && ` · Đường liên thông của máy này: ${routesText(settings)}`}
            </Typography.Text>
            <Space style={{ marginLeft: 'auto' }}>
              <Button icon={<ReloadOutlined />} onClick={() => void load()} aria-label="Tải lại" title="Tải lại" />
              {canRegister && (
                <Button icon={<CloudSyncOutlined />} loading={pumping} onClick={() => void pump()}>
                  Nhận, gửi ngay
                </Button>
              )}
            </Space>
          </div>
          {canRegister && (
            <Upload.Dragger
              accept=".edxml,.xml"
              showUploadList={false}
              multiple
              beforeUpload={(file) => {
                void received(file);
                return false;
              }}
              style={{ marginBottom: 8 }}
            >
              <Space>
                <InboxOutlined />
                <span>Mở gói tin .edxml (bấm để chọn, hoặc kéo tệp vào đây)</span>
              </Space>
            </Upload.Dragger>
          )}
          {percent !== null && <Progress percent={percent} size="small" aria-label="Đang nhận gói tin" />}
          <div className="vt-table-wrap" {...cursor.frameProps} aria-label="Gói tin đến — mũi tên để chọn, Enter để vào sổ">
            <Table<ExchangeMessage>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={rows}
              locale={{ emptyText: 'Chưa có gói tin nào đến. Gói tin đến qua máy chủ đồng bộ, trục liên thông hoặc thư mục nhận.' }}
              onRow={(r, i) => cursor.rowProps(r, i ?? 0)}
              rowClassName={(_, i) => cursor.rowClass(i)}
              columns={[
                { title: 'Nhận lúc', key: 'at', width: 130, render: (_, m) => formatInstant(m.at) },
                { title: 'Nơi gửi', key: 'from', width: 200, render: (_, m) => m.peerName ?? m.header?.from.name ?? '—' },
                { title: 'Số, ký hiệu', key: 'code', width: 150, render: (_, m) => m.header?.code ?? m.fileName },
                { title: 'Ngày', key: 'date', width: 90, render: (_, m) => (m.header ? formatDate(m.header.issuedDate) : '') },
                {
                  title: 'Trích yếu / lý do',
                  key: 'summary',
                  render: (_, m) =>
                    m.state === 'loi' ? (
                      <Typography.Text type="danger">{m.error}</Typography.Text>
                    ) : (
                      <>
                        {m.metadataOnly && <Tag color="red">Mật — chỉ thông tin</Tag>}
                        {m.header?.business && m.header.business !== 'new' && <Tag color="orange">{businessTag(m.header.business)}</Tag>}
                        {m.header?.summary}
                        {m.state === 'tu_choi' && m.description && <Typography.Text type="secondary"> — {m.description}</Typography.Text>}
                      </>
                    ),
                },
                { title: 'Tệp', key: 'files', width: 50, align: 'center', render: (_, m) => m.attachments.length || '' },
                { title: 'Tình trạng', key: 'state', width: 130, render: (_, m) => <StateTag m={m} /> },
                ...(canRegister
                  ? [
                      {
                        title: '',
                        key: 'act',
                        width: 170,
                        render: (_: unknown, m: ExchangeMessage) =>
                          m.state === 'moi' && (
                            <Space size={4}>
                              <Button size="small" type="primary" onClick={() => setRegistering(m)}>
                                Vào sổ
                              </Button>
                              <Button size="small" onClick={() => refuse(m)}>
                                Từ chối
                              </Button>
                            </Space>
                          ),
                      },
                    ]
                  : []),
              ]}
            />
          </div>
          <Typography.Text type="secondary">Mũi tên để chọn, Enter để vào sổ gói tin đang chọn.</Typography.Text>
        </>
      )}
      <IncomingForm
        open={registering !== null}
        editing={null}
        nextNumber={null}
        fromPackage={registering}
        onClose={() => setRegistering(null)}
        onSaved={() => {
          void load();
          onChanged?.();
        }}
      />
    </div>
  );
}

function businessTag(b: string): string {
  return b === 'revoke' ? 'Thu hồi' : b === 'update' ? 'Cập nhật' : b === 'replace' ? 'Thay thế' : '';
}

function routesText(s: MethodOutput<'exchange.settings'>): string {
  const ways = [s.viaServer && 'máy chủ đồng bộ', s.axisUrl && 'trục liên thông', (s.inFolder || s.outFolder) && 'thư mục'].filter(Boolean);
  return ways.length ? ways.join(', ') : 'chưa có (chỉ mở gói tin từ tệp)';
}
