// One dossier: its data (dates and counts follow its items), the item list (mục lục văn bản)
// to reorder by dragging or with the arrows, and the steps: kết thúc, mở lại, nộp lưu, print,
// export the handover package.
import { AccessHistory } from '../access/AccessHistory';
import { Alert, App, Button, Descriptions, Drawer, Popconfirm, Space, Tag } from 'antd';
import { useFocusReturn } from '../../hooks/useFocusReturn';
import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../../../shared/api/admin.js';
import { DOSSIER_STATUS_LABELS, retentionLabel, type DossierRecord } from '../../../shared/api/dossiers.js';
import { formatDate } from '../../../shared/text/dates.js';
import { api, openFile } from '../../api/client';
import { mayCall } from '../../../shared/api/access.js';
import { DossierItems } from './DossierItems';
import { FreeItemButton } from './FreeItemButton';
import { askReason } from '../../components/askReason';

type Item = DossierRecord['items'][number];

export function DossierView({ id, me, onClose, onChanged }: { id: string | null; me: Me; onClose: () => void; onChanged: () => void }) {
  const { message, modal } = App.useApp();
  const [d, setD] = useState<DossierRecord | null>(null);
  const load = useCallback(async () => {
    if (id) setD(await api.call('dossiers.get', { id }));
  }, [id]);
  useEffect(() => {
    setD(null);
    void load().catch((e: Error) => message.error(e.message));
  }, [load, message]);

  const run = async (fn: () => Promise<DossierRecord | DossierRecord[] | void>, done?: string) => {
    try {
      const r = await fn();
      if (r && !Array.isArray(r)) setD(r);
      else await load();
      if (done) message.success(done);
      onChanged();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const move = (items: Item[], from: number, to: number) => {
    if (to < 0 || to >= items.length || from === to) return;
    const order = items.map((i) => i.id);
    const [x] = order.splice(from, 1);
    order.splice(to, 0, x!);
    void run(() => api.call('dossiers.reorder', { dossierId: d!.id, itemIds: order }));
  };

  const open = d?.status === 'mo';
  const reopen = () =>
    askReason(modal, {
      title: `Mở lại hồ sơ ${d!.notation}?`,
      label: 'lý do mở lại',
      placeholder: 'Lý do mở lại (ghi vào nhật ký)',
      okText: 'Mở lại',
      onOk: (reason) => run(() => api.call('dossiers.reopen', { id: d!.id, reason }), 'Đã mở lại hồ sơ.'),
    });

  const focusReturn = useFocusReturn(id !== null, onClose);
  return (
    <Drawer
      {...focusReturn}
      open={id !== null}
      onClose={onClose}
      size={1100}
      title={d ? `Hồ sơ ${d.notation} — ${d.title}` : 'Hồ sơ'}
      extra={d && <Tag color={open ? 'blue' : d.status === 'nop_luu' ? 'purple' : 'green'}>{DOSSIER_STATUS_LABELS[d.status]}</Tag>}
    >
      {d && (
        <>
          {d.handoverWarning && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`Sắp đến hạn nộp lưu (${formatDate(d.handoverDue)}): hãy nộp hồ sơ vào lưu trữ cơ quan.`}
            />
          )}
          <DossierFacts dossier={d} />
          <Space wrap style={{ marginBottom: 12 }}>
            {open && (
              <Popconfirm
                title="Kết thúc hồ sơ? Sau đó mục lục chỉ đọc."
                okText="Kết thúc"
                cancelText="Không"
                onConfirm={() => void run(() => api.call('dossiers.close', { id: d.id }), 'Đã kết thúc hồ sơ.')}
              >
                <Button type="primary">Kết thúc hồ sơ</Button>
              </Popconfirm>
            )}
            {d.status === 'ket_thuc' && mayCall(me, 'dossiers.reopen') && <Button onClick={reopen}>Mở lại (quản trị)</Button>}
            {d.status === 'ket_thuc' && mayCall(me, 'archive.handover') && (
              <Popconfirm
                title="Nộp hồ sơ vào lưu trữ cơ quan?"
                okText="Nộp lưu"
                cancelText="Không"
                onConfirm={() => void run(() => api.call('archive.handover', { dossierIds: [d.id] }), 'Đã nộp lưu.')}
              >
                <Button>Nộp lưu</Button>
              </Popconfirm>
            )}
            <Button onClick={() => void openFile('dossiers.print', { id: d.id }, false).catch((e: Error) => message.error(e.message))}>
              In bìa và mục lục
            </Button>
            <Button
              onClick={() => {
                message.loading({ key: 'dossier-pdf', content: 'Đang gộp các văn bản của hồ sơ thành một tệp PDF…', duration: 0 });
                void openFile('dossiers.exportPdf', { id: d.id }, true).then(
                  () => message.destroy('dossier-pdf'),
                  (e: Error) => message.error({ key: 'dossier-pdf', content: e.message }),
                );
              }}
            >
              Xuất PDF toàn hồ sơ
            </Button>
            <Button onClick={() => void openFile('dossiers.exportXml', { id: d.id }, true).catch((e: Error) => message.error(e.message))}>
              Xuất XML (TT 02/2019)
            </Button>
            {d.status !== 'mo' && (
              <>
                <Button
                  onClick={() =>
                    void openFile('archive.handoverList', { dossierIds: [d.id] }, false).catch((e: Error) => message.error(e.message))
                  }
                >
                  Mục lục nộp lưu, biên bản
                </Button>
                <Button
                  onClick={() =>
                    void openFile('archive.exportPackage', { dossierIds: [d.id] }, true).catch((e: Error) => message.error(e.message))
                  }
                >
                  Xuất gói nộp lưu (.zip)
                </Button>
              </>
            )}
          </Space>
          {open && <FreeItemButton dossierId={d.id} onAdded={(r) => (setD(r), onChanged())} />}
          <DossierItems
            items={d.items}
            open={open}
            onMove={(from, to) => move(d.items, from, to)}
            onRemove={(item) => void run(() => api.call('dossiers.removeItem', { itemId: item.id }))}
          />
          <AccessHistory me={me} target={{ dossierId: d.id }} />
        </>
      )}
    </Drawer>
  );
}

/** The dossier's data as PL VI has it: code, retention, keeper, dates, counts. */
function DossierFacts({ dossier: d }: { dossier: DossierRecord }) {
  return (
    <Descriptions size="small" bordered column={3} style={{ marginBottom: 12 }}>
      {d.unitLabel && (
        <Descriptions.Item label="Hồ sơ của đơn vị" span={3}>
          {d.unitLabel}
        </Descriptions.Item>
      )}
      <Descriptions.Item label="Mã hồ sơ">{d.fullCode}</Descriptions.Item>
      <Descriptions.Item label="Thời hạn bảo quản">{retentionLabel(d.retention)}</Descriptions.Item>
      <Descriptions.Item label="Người lập">{d.keeperName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="Thời gian">{d.startDate ? `${formatDate(d.startDate)} – ${formatDate(d.endDate)}` : '—'}</Descriptions.Item>
      <Descriptions.Item label="Số văn bản">{d.documentCount}</Descriptions.Item>
      <Descriptions.Item label="Số trang">{d.pageCount}</Descriptions.Item>
    </Descriptions>
  );
}
