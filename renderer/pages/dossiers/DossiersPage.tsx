// Hồ sơ công việc: the year's catalogue, and the dossiers with filters by state and person.
import { Segmented, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../../../shared/api/admin.js';
import { DOSSIER_STATUS_LABELS, retentionLabel, type DossierRecord } from '../../../shared/api/dossiers.js';
import { formatDate, officeYear } from '../../../shared/text/dates.js';
import { api } from '../../api/client';
import { CatalogueView } from './CatalogueView';
import { useRowCursor } from '../../hooks/useRowCursor';
import { DossierView } from './DossierView';
import { RetentionView } from './RetentionView';
import { mayCall } from '../../../shared/api/access.js';

export function DossiersPage({ me }: { me: Me }) {
  const thisYear = officeYear(new Date());
  const [year, setYear] = useState(thisYear);
  const [view, setView] = useState<'catalogue' | 'dossiers' | 'retention'>('catalogue');
  const [status, setStatus] = useState<DossierRecord['status'] | undefined>();
  const [mine, setMine] = useState(false);
  const [list, setList] = useState<DossierRecord[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const load = useCallback(
    async () => setList(await api.call('dossiers.list', { year, ...(status ? { status } : {}), ...(mine ? { keeperId: me.id } : {}) })),
    [year, status, mine, me.id],
  );
  useEffect(() => void load(), [load, version]);
  const cursor = useRowCursor({ rows: list, idPrefix: 'vt-dossier', onOpen: (d) => setOpen(d.id) });

  return (
    <div className="vt-page">
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }}>
        <h1 className="vt-page-title">{view === 'retention' ? 'Hồ sơ hết thời hạn bảo quản' : `Hồ sơ công việc năm ${year}`}</h1>
        <Space>
          {view !== 'retention' && (
            <Select
              value={year}
              onChange={setYear}
              style={{ width: 100 }}
              aria-label="Năm"
              options={Array.from({ length: 6 }, (_, i) => ({ value: thisYear + 1 - i, label: thisYear + 1 - i }))}
            />
          )}
          <Segmented
            value={view}
            onChange={(v) => setView(v as typeof view)}
            options={[
              { value: 'catalogue', label: 'Danh mục hồ sơ' },
              { value: 'dossiers', label: 'Hồ sơ' },
              ...(mayCall(me, 'dossiers.retentionEnded') ? [{ value: 'retention', label: 'Hết thời hạn bảo quản' }] : []),
            ]}
          />
        </Space>
      </Space>
      {view === 'catalogue' ? (
        <CatalogueView key={`${year}-${version}`} me={me} year={year} onOpenDossier={setOpen} />
      ) : view === 'retention' ? (
        <RetentionView key={version} onOpenDossier={setOpen} />
      ) : (
        <>
          <Space style={{ marginBottom: 8 }}>
            <Select
              allowClear
              placeholder="Trạng thái"
              aria-label="Trạng thái hồ sơ"
              style={{ width: 160 }}
              value={status}
              onChange={setStatus}
              options={Object.entries(DOSSIER_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <Segmented
              value={mine ? 'mine' : 'all'}
              onChange={(v) => setMine(v === 'mine')}
              options={[
                { value: 'all', label: 'Tất cả' },
                { value: 'mine', label: 'Hồ sơ tôi lập' },
              ]}
            />
          </Space>
          <div
            className="vt-table-wrap"
            style={{ overflow: 'auto' }}
            {...cursor.frameProps}
            aria-label="Hồ sơ — mũi tên lên xuống để chọn, Enter để mở"
          >
            <Table<DossierRecord>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={list}
              locale={{ emptyText: 'Chưa có hồ sơ nào.' }}
              onRow={(d, i) => cursor.rowProps(d, i ?? 0)}
              rowClassName={(_, i) => cursor.rowClass(i)}
              columns={[
                { title: 'Số và ký hiệu', dataIndex: 'notation', width: 120 },
                { title: 'Tiêu đề hồ sơ', dataIndex: 'title' },
                {
                  title: 'Thời gian',
                  key: 't',
                  width: 190,
                  render: (_, d) => (d.startDate ? `${formatDate(d.startDate)} – ${formatDate(d.endDate)}` : ''),
                },
                { title: 'Văn bản', dataIndex: 'documentCount', width: 80, align: 'center' },
                { title: 'Thời hạn', dataIndex: 'retention', width: 100, render: retentionLabel },
                { title: 'Người lập', dataIndex: 'keeperName', width: 160 },
                {
                  title: 'Trạng thái',
                  key: 's',
                  width: 190,
                  render: (_, d) => (
                    <Space size={4}>
                      <Tag color={d.status === 'mo' ? 'blue' : d.status === 'nop_luu' ? 'purple' : 'green'}>
                        {DOSSIER_STATUS_LABELS[d.status]}
                      </Tag>
                      {d.handoverWarning && <Tag color="orange">Sắp hạn nộp lưu</Tag>}
                    </Space>
                  ),
                },
              ]}
            />
          </div>
        </>
      )}
      <DossierView id={open} me={me} onClose={() => setOpen(null)} onChanged={() => setVersion((v) => v + 1)} />
    </div>
  );
}
