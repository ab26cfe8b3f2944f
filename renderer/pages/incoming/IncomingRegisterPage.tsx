// Sổ đăng ký văn bản đến: the register as a virtualised table in PL IV order, loaded by keyset
// pages as it scrolls, with search and filters; F2 or the button opens the registration form.
import { PlusOutlined, ReloadOutlined } from '../../components/icons';
import { Button, Space } from 'antd';
import { useCallback, useState } from 'react';
import type { Me } from '../../../shared/api/admin.js';
import type { DocumentRecord } from '../../../shared/api/documents.js';
import { type Urgency } from '../../../shared/domain/enums.js';
import { officeYear } from '../../../shared/text/dates.js';
import { api } from '../../api/client';
import { useKeysetList } from '../../hooks/useKeysetList';
import { useKey } from '../../hooks/useKey';
import { PageTitle } from '../../components/PageTitle';
import { RegisterTable } from '../../components/RegisterTable';
import { RegisterPrint } from '../../components/RegisterPrint';
import { DocumentDetail } from '../detail/DocumentDetail';
import { FollowUpRegister } from './FollowUpRegister';
import { IncomingForm } from './IncomingForm';
import { incomingColumns, incomingTableWidth } from './registerColumns';
import { refreshLookup, useLookup } from '../../hooks/useLookup';
import { mayCall } from '../../../shared/api/access.js';
import { formerBookTitle } from '../../components/bookLabel';
import { RegisterFilters } from '../../components/RegisterFilters';

interface Filters {
  q: string;
  year: number | undefined;
  type: string | undefined;
  urgency: Urgency | undefined;
  from: string | undefined;
  to: string | undefined;
  bookId?: string | undefined;
}

const PAGE = 200;

function fetchPage(f: Filters, cursor: string | null) {
  return api.call('incoming.list', {
    limit: PAGE,
    cursor,
    ...(f.q.trim() ? { q: f.q } : {}),
    ...(f.year ? { year: f.year } : {}),
    ...(f.type ? { type: f.type } : {}),
    ...(f.urgency ? { urgency: f.urgency } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.bookId ? { bookId: f.bookId } : {}),
  });
}

export function IncomingRegisterPage({ me, onChanged }: { me: Me; onChanged?: () => void }) {
  const [view, setView] = useState<'register' | 'followUp'>('register');
  const [detail, setDetail] = useState<string | null>(null);
  const canRegister = mayCall(me, 'incoming.register');
  const [filters, setFilters] = useState<Filters>({
    q: '',
    year: undefined,
    type: undefined,
    urgency: undefined,
    from: undefined,
    to: undefined,
  });
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<DocumentRecord | null>(null);
  const books = useLookup('books').rows;
  const year = officeYear(new Date());
  const nextNumber = books.find((b) => b.kind === 'incoming' && b.year === year && !b.unitId)?.nextNumber ?? 1;
  const list = useKeysetList(fetchPage, filters);

  // A filter that did not change keeps the same object: the list is not asked again.
  const onFilter = useCallback(
    (patch: Partial<Filters>) =>
      setFilters((f) => ((Object.keys(patch) as (keyof Filters)[]).every((k) => f[k] === patch[k]) ? f : { ...f, ...patch })),
    [],
  );

  const refreshNextNumber = useCallback(() => refreshLookup('books'), []);

  const openNew = useCallback(() => {
    if (!canRegister) return;
    setEditing(null);
    void refreshNextNumber();
    setFormOpen(true);
  }, [canRegister, refreshNextNumber]);

  useKey('F2', openNew);

  const onSaved = (doc: DocumentRecord, wasNew: boolean) => {
    if (wasNew) list.setItems((items) => [doc, ...items]);
    else list.setItems((items) => items.map((d) => (d.id === doc.id ? doc : d)));
    onChanged?.();
  };

  return (
    <div className="vt-page">
      <PageTitle
        title={
          view === 'register' ? formerBookTitle('Sổ đăng ký văn bản đến', books, filters.bookId) : 'Sổ theo dõi giải quyết văn bản đến'
        }
        value={view}
        onChange={setView}
        views={[
          { value: 'register', label: 'Sổ đăng ký' },
          { value: 'followUp', label: 'Sổ theo dõi giải quyết' },
        ]}
      />
      {view === 'followUp' ? (
        <FollowUpRegister onOpen={setDetail} />
      ) : (
        <>
          <div className="vt-toolbar">
            <RegisterFilters
              searchLabel="Tìm kiếm văn bản đến"
              placeholder="Số ký hiệu, cơ quan, trích yếu…"
              full
              bookKind="incoming"
              onChange={onFilter}
            />
            <Space style={{ marginLeft: 'auto' }}>
              <Button icon={<ReloadOutlined />} onClick={() => void list.reload()} aria-label="Tải lại" title="Tải lại" />
              <RegisterPrint
                kinds={[
                  { value: 'incoming', label: 'Sổ đăng ký văn bản đến' },
                  { value: 'followup', label: 'Sổ theo dõi giải quyết văn bản đến' },
                ]}
                canClose={mayCall(me, 'books.close')}
              />
              {canRegister && (
                <Button type="primary" icon={<PlusOutlined />} onClick={openNew}>
                  Vào sổ (F2)
                </Button>
              )}
            </Space>
          </div>
          <RegisterTable
            list={list}
            columns={incomingColumns}
            width={incomingTableWidth}
            label="Sổ đăng ký văn bản đến"
            emptyText={filters.q ? 'Không tìm thấy văn bản nào khớp.' : 'Sổ chưa có văn bản nào. Bấm F2 để vào sổ văn bản đầu tiên.'}
            onRowClick={(d) => setDetail(d.id)}
            onRowDoubleClick={(d) => {
              if (!canRegister) return;
              setEditing(d);
              setFormOpen(true);
            }}
            hint={
              <>
                {' · Bấm một dòng (hoặc chọn bằng mũi tên, Enter) để xem, đính kèm, trình và giao việc'}
                {canRegister && '; nhấp đúp hoặc F4 để sửa, hủy.'}
              </>
            }
          />
        </>
      )}
      <DocumentDetail
        documentId={detail}
        me={me}
        onClose={() => setDetail(null)}
        onChanged={() => {
          void list.reload();
          onChanged?.();
        }}
        onEdit={(d) => {
          setEditing(d);
          setFormOpen(true);
        }}
      />
      <IncomingForm open={formOpen} editing={editing} nextNumber={nextNumber} onClose={() => setFormOpen(false)} onSaved={onSaved} />
    </div>
  );
}
