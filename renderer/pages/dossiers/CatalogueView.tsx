// Danh mục hồ sơ of a year: headings (I, II… and 1, 2…) with their planned dossiers; add,
// copy from last year, print; open a dossier from its line.
import { FolderOpenOutlined, PlusOutlined, PrinterOutlined } from '../../components/icons';
import { App, Button, Form, Select, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../../../shared/api/admin.js';
import { retentionLabel, type Catalogue } from '../../../shared/api/dossiers.js';
import { api, openFile } from '../../api/client';
import { mayCall } from '../../../shared/api/access.js';
import { CatalogueDialog, type CatalogueFormValues } from './CatalogueDialog';
import { catalogueRows, type Row } from './catalogueRows';

export function CatalogueView({ me, year, onOpenDossier }: { me: Me; year: number; onOpenDossier: (id: string) => void }) {
  const { message } = App.useApp();
  const [cat, setCat] = useState<Catalogue | null>(null);
  const [dialog, setDialog] = useState<null | 'heading' | 'entry'>(null);
  const [form] = Form.useForm<CatalogueFormValues>();
  // The catalogue of a unit taken over is shown apart, as that unit's, and only read.
  const [unitId, setUnitId] = useState<string | null>(null);
  const [formerUnits, setFormerUnits] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    api.call('units.list').then(
      (units) => setFormerUnits(units.filter((u) => !u.current).map((u) => ({ value: u.id, label: `Danh mục của ${u.label}` }))),
      () => setFormerUnits([]),
    );
  }, []);
  const canEdit = mayCall(me, 'catalogue.saveEntry') && unitId === null;

  const load = useCallback(async () => setCat(await api.call('catalogue.get', { year, unitId })), [year, unitId]);
  useEffect(() => {
    load().catch((err: Error) => message.error(err.message));
  }, [load, message]);

  const run = async (fn: () => Promise<unknown>, done?: string) => {
    try {
      await fn();
      if (done) message.success(done);
      await load();
      return true;
    } catch (err) {
      message.error((err as Error).message);
      return false;
    }
  };

  const rows = catalogueRows(cat);

  return (
    <div className="vt-table-wrap" style={{ overflow: 'auto', padding: 8 }}>
      <Space style={{ marginBottom: 8 }} wrap>
        {formerUnits.length > 0 && (
          <Select<string | null>
            value={unitId}
            onChange={setUnitId}
            style={{ width: 420 }}
            aria-label="Danh mục của đơn vị"
            options={[{ value: null, label: 'Danh mục của đơn vị này' }, ...formerUnits]}
          />
        )}
        {canEdit && (
          <>
            <Button icon={<PlusOutlined />} onClick={() => (form.resetFields(), setDialog('heading'))}>
              Thêm đề mục
            </Button>
            <Button
              icon={<PlusOutlined />}
              disabled={!cat?.headings.length}
              onClick={() => (form.resetFields(), form.setFieldsValue({ retention: '10' }), setDialog('entry'))}
            >
              Thêm hồ sơ vào danh mục
            </Button>
            <Button
              disabled={!!cat?.headings.length}
              onClick={() =>
                void run(() => api.call('catalogue.copyFromYear', { from: year - 1, to: year }), `Đã sao chép danh mục năm ${year - 1}.`)
              }
            >
              Sao chép từ năm {year - 1}
            </Button>
          </>
        )}
        <Button
          icon={<PrinterOutlined />}
          disabled={!cat?.entries.length}
          onClick={() =>
            void openFile('catalogue.print', { year, ...(unitId ? { unitId } : {}) }, false).catch((e: Error) => message.error(e.message))
          }
        >
          In danh mục
        </Button>
        {cat && (
          <span style={{ color: '#666' }}>
            {cat.entries.length} hồ sơ: {cat.counts.permanent} vĩnh viễn, {cat.counts.limited} có thời hạn
          </span>
        )}
      </Space>
      <Table<Row>
        size="small"
        bordered
        rowKey="key"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: `Chưa có danh mục hồ sơ năm ${year}. Thêm đề mục, hoặc sao chép từ năm trước.` }}
        rowClassName={(r) => (r.kind === 'heading' ? 'vt-heading-row' : '')}
        columns={[
          {
            title: 'Số và ký hiệu hồ sơ',
            key: 'code',
            width: 150,
            render: (_, r) => (r.kind === 'heading' ? <strong>{r.label}</strong> : r.label),
          },
          {
            title: 'Tên đề mục và tiêu đề hồ sơ',
            key: 'title',
            render: (_, r) => (r.kind === 'heading' ? <strong style={{ paddingLeft: r.level === 2 ? 16 : 0 }}>{r.title}</strong> : r.title),
          },
          { title: 'Thời hạn bảo quản', key: 'ret', width: 140, render: (_, r) => (r.retention ? retentionLabel(r.retention) : '') },
          { title: 'Người lập hồ sơ', key: 'keeper', width: 180, render: (_, r) => r.keeper ?? '' },
          {
            title: '',
            key: 'act',
            width: 150,
            render: (_, r) =>
              r.kind === 'entry' &&
              (r.dossierId ? (
                <Button size="small" onClick={() => onOpenDossier(r.dossierId!)}>
                  Xem hồ sơ
                </Button>
              ) : (
                <Button
                  size="small"
                  type="primary"
                  ghost
                  icon={<FolderOpenOutlined />}
                  onClick={() =>
                    void run(async () => onOpenDossier((await api.call('dossiers.open', { entryId: r.entryId! })).id), 'Đã mở hồ sơ.')
                  }
                >
                  Mở hồ sơ
                </Button>
              )),
          },
        ]}
      />
      <CatalogueDialog dialog={dialog} form={form} catalogue={cat} year={year} run={run} onClose={() => setDialog(null)} />
    </div>
  );
}
