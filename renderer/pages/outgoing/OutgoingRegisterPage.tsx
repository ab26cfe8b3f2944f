// Sổ đăng ký văn bản đi: the register in PL IV order (virtualised, keyset pages), search and
// filters, F2 for a new document, "Đã lấy số" rows opening the form to issue them.
import { PlusOutlined, ReloadOutlined } from '../../components/icons';
import { Button, Space } from 'antd';
import { useCallback, useState } from 'react';
import type { Me } from '../../../shared/api/admin.js';
import type { DocumentRecord } from '../../../shared/api/documents.js';
import type { DraftRecord } from '../../../shared/api/outgoing.js';
import { api } from '../../api/client';
import { RegisterPrint } from '../../components/RegisterPrint';
import { useKeysetList } from '../../hooks/useKeysetList';
import { useKey } from '../../hooks/useKey';
import { PageTitle } from '../../components/PageTitle';
import { RegisterTable } from '../../components/RegisterTable';
import { DraftsPanel } from './DraftsPanel';
import { OutgoingDetail } from './OutgoingDetail';
import { OutgoingForm } from './OutgoingForm';
import { outgoingColumns, outgoingTableWidth } from './outgoingColumns';
import { mayCall } from '../../../shared/api/access.js';
import { RegisterFilters } from '../../components/RegisterFilters';
import { formerBookTitle } from '../../components/bookLabel';
import { useLookup } from '../../hooks/useLookup';

interface Filters {
  q: string;
  year: number | undefined;
  type: string | undefined;
  bookId?: string | undefined;
}

function fetchPage(f: Filters, cursor: string | null) {
  return api.call('outgoing.list', {
    limit: 200,
    cursor,
    ...(f.q.trim() ? { q: f.q } : {}),
    ...(f.year ? { year: f.year } : {}),
    ...(f.type ? { type: f.type } : {}),
    ...(f.bookId ? { bookId: f.bookId } : {}),
  });
}

export function OutgoingRegisterPage({ me, onChanged }: { me: Me; onChanged?: () => void }) {
  const canRegister = mayCall(me, 'outgoing.reserve');
  const [filters, setFilters] = useState<Filters>({ q: '', year: undefined, type: undefined });
  const books = useLookup('books').rows;
  const [formOpen, setFormOpen] = useState(false);
  const [reserved, setReserved] = useState<DocumentRecord | null>(null);
  const [detail, setDetail] = useState<DocumentRecord | null>(null);
  const [draft, setDraft] = useState<DraftRecord | null>(null);
  // "Việc của tôi" opens the drafts with #/outgoing/drafts.
  const [view, setView] = useState<'register' | 'drafts'>(() => (window.location.hash.endsWith('/drafts') ? 'drafts' : 'register'));
  const [draftsVersion, setDraftsVersion] = useState(0);
  const list = useKeysetList(fetchPage, filters);

  // A filter that did not change keeps the same object: the list is not asked again.
  const onFilter = useCallback(
    (patch: Partial<Filters>) =>
      setFilters((f) => ((Object.keys(patch) as (keyof Filters)[]).every((k) => f[k] === patch[k]) ? f : { ...f, ...patch })),
    [],
  );

  const openNew = useCallback(() => {
    if (!canRegister) return;
    setReserved(null);
    setDraft(null);
    setFormOpen(true);
  }, [canRegister]);
  useKey('F2', openNew);

  return (
    <div className="vt-page">
      <PageTitle
        title={view === 'register' ? formerBookTitle('Sổ đăng ký văn bản đi', books, filters.bookId) : 'Dự thảo văn bản đi'}
        value={view}
        onChange={setView}
        views={[
          { value: 'register', label: 'Sổ đăng ký' },
          { value: 'drafts', label: 'Dự thảo, trình ký' },
        ]}
      />
      {view === 'drafts' ? (
        <DraftsPanel
          key={draftsVersion}
          me={me}
          onNumber={(d) => {
            setReserved(null);
            setDraft(d);
            setFormOpen(true);
          }}
        />
      ) : (
        <>
          <div className="vt-toolbar">
            <RegisterFilters
              searchLabel="Tìm kiếm văn bản đi"
              placeholder="Số ký hiệu, trích yếu…"
              bookKind="outgoing"

              onChange={onFilter}
            />
            <Space style={{ marginLeft: 'auto' }}>
              <Button icon={<ReloadOutlined />} onClick={() => void list.reload()} aria-label="Tải lại" title="Tải lại" />
              <RegisterPrint kinds={[{ value: 'outgoing', label: 'Sổ đăng ký văn bản đi' }]} canClose={mayCall(me, 'books.close')} />
              {canRegister && (
                <Button type="primary" icon={<PlusOutlined />} onClick={openNew}>
                  Vào sổ (F2)
                </Button>
              )}
            </Space>
          </div>
          <RegisterTable
            list={list}
            columns={outgoingColumns}
            width={outgoingTableWidth}
            label="Sổ đăng ký văn bản đi"
            emptyText={filters.q ? 'Không tìm thấy văn bản nào khớp.' : 'Sổ chưa có văn bản đi nào. Bấm F2 để vào sổ.'}
            onRowClick={(d) => {
              if (d.status === 'da_cap_so' && !d.cancelled && canRegister) {
                setReserved(d);
                setDraft(null);
                setFormOpen(true);
              } else setDetail(d);
            }}
            hint={' · Bấm một dòng (hoặc mũi tên, Enter) để xem; dòng “Đã lấy số” mở để ban hành.'}
          />
        </>
      )}
      <OutgoingForm
        open={formOpen}
        reserved={reserved}
        draft={draft}
        onClose={() => setFormOpen(false)}
        onSaved={(doc) => {
          list.setItems((items) => (items.some((d) => d.id === doc.id) ? items.map((d) => (d.id === doc.id ? doc : d)) : [doc, ...items]));
          setDraftsVersion((v) => v + 1);
          onChanged?.();
        }}
      />
      <OutgoingDetail doc={detail} me={me} onClose={() => setDetail(null)} onChanged={() => (void list.reload(), onChanged?.())} />
    </div>
  );
}
