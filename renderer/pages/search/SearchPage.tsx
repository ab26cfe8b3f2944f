// Tìm kiếm: the full results, ranked, with the words marked (in attached files too); filters by
// kind, year, book and register date; saved searches (also offered by Ctrl+K) and the whole
// result list taken out as PDF or Word.
import { DeleteOutlined, FilePdfOutlined, FileWordOutlined, PaperClipOutlined, SaveOutlined } from '../../components/icons';
import { App, Button, Checkbox, Empty, Input, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { SavedQuery, SavedSearch, SearchHit } from '../../../shared/api/search.js';
import { askReason } from '../../components/askReason';
import { useLookup } from '../../hooks/useLookup';
import { formatDate, officeYear } from '../../../shared/text/dates.js';
import { api, openFile } from '../../api/client';
import { DateInput, toIsoDate } from '../../components/DateInput';
import { bookLabel } from '../../components/bookLabel';
import { Highlighted } from '../../components/Highlighted';
import { KIND_LABELS } from './GlobalSearch';
import { useSettledText } from '../../hooks/useSettledText';
import { openable } from '../../components/openable';

const ALL_KINDS: SearchHit['kind'][] = ['incoming', 'outgoing', 'dossier'];

export function SearchPage({
  initial,
  onOpen,
}: {
  /** Words typed in the top bar, or a saved search chosen there. */
  initial: string | SavedQuery;
  onOpen: (hit: SearchHit, q?: string) => void;
}) {
  const { message, modal } = App.useApp();
  const words = useSettledText(typeof initial === 'string' ? initial : initial.q, 200);
  const q = words.settled;
  const [kinds, setKinds] = useState<SearchHit['kind'][]>(ALL_KINDS);
  const [year, setYear] = useState<number | undefined>();
  const [bookId, setBookId] = useState<string | undefined>();
  const books = useLookup('books');
  const [saved, setSaved] = useState<(SavedSearch & { missingBook: boolean })[]>([]);
  const loadSaved = useCallback(() => api.call('search.saved').then(setSaved, (e: Error) => message.error(e.message)), [message]);
  useEffect(() => void loadSaved(), [loadSaved]);
  // Typed as dd/mm/yyyy; used once each is a whole, real date.
  const [range, setRange] = useState<[string, string]>(['', '']);
  const from = toIsoDate(range[0]);
  const to = toIsoDate(range[1]);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [took, setTook] = useState<number | null>(null);
  const { reset } = words;
  const apply = useCallback(
    (s: SavedQuery) => {
      reset(s.q);
      setKinds(s.kinds?.length ? s.kinds : ALL_KINDS);
      setYear(s.year);
      setBookId(s.bookId);
      setRange([formatDate(s.from), formatDate(s.to)]);
    },
    [reset],
  );
  useEffect(() => (typeof initial === 'string' ? reset(initial) : apply(initial)), [initial, reset, apply]);
  const query = (): SavedQuery => ({
    q,
    kinds,
    ...(year ? { year } : {}),
    ...(bookId ? { bookId } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  });
  const save = () =>
    askReason(modal, {
      title: 'Lưu tìm kiếm này (từ khóa và bộ lọc) để dùng lại, cả từ ô Ctrl+K',
      label: 'tên tìm kiếm',
      okText: 'Lưu',
      onOk: async (name) => {
        try {
          await api.call('search.save', { name, query: query() });
          message.success(`Đã lưu tìm kiếm “${name}”.`);
          await loadSaved();
        } catch (err) {
          message.error((err as Error).message);
          throw err;
        }
      },
    });
  const choose = (id: string) => {
    const s = saved.find((x) => x.id === id);
    if (!s) return;
    apply(s.query);
    if (s.missingBook) message.warning(`Sổ lọc của “${s.name}” không còn; đã bỏ lọc theo sổ.`);
  };
  const takeOut = async (format: 'pdf' | 'docx') => {
    const key = 'search-export';
    message.loading({ key, content: 'Đang lập danh sách kết quả (đến 100.000 dòng, có thể mất một lúc)…', duration: 0 });
    try {
      await openFile('search.export', { ...query(), format }, format === 'docx');
      message.success({ key, content: 'Đã lập danh sách kết quả.' });
    } catch (err) {
      message.error({ key, content: (err as Error).message });
    }
  };

  const run = async (more: boolean) => {
    if (!q.trim()) return setHits([]);
    const r = await api.call('search.query', {
      q,
      kinds,
      limit: 30,
      cursor: more ? cursor : null,
      ...(year ? { year } : {}),
      ...(bookId ? { bookId } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    });
    setHits((h) => (more ? [...h, ...r.items] : r.items));
    setCursor(r.nextCursor);
    setTook(r.tookMs);
  };
  useEffect(() => {
    void run(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q, kinds, year, bookId, from, to]);

  const thisYear = officeYear(new Date());
  return (
    <div className="vt-page" style={{ overflow: 'auto' }}>
      <h1 className="vt-page-title">Tìm kiếm</h1>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          {...words.inputProps}
          style={{ width: 480 }}
          placeholder="Số ký hiệu, cơ quan, trích yếu, hồ sơ — gõ không dấu cũng được"
          aria-label="Từ khóa tìm kiếm"
          allowClear
        />
        <Checkbox.Group
          value={kinds}
          onChange={(v) => setKinds(v)}
          options={(['incoming', 'outgoing', 'dossier'] as const).map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        />
        <Select
          allowClear
          placeholder="Năm"
          aria-label="Năm"
          style={{ width: 100 }}
          value={year}
          onChange={setYear}
          options={Array.from({ length: 6 }, (_, i) => ({ value: thisYear - i, label: thisYear - i }))}
        />
        <Space size={4}>
          <Typography.Text type="secondary">Ngày vào sổ từ</Typography.Text>
          <DateInput value={range[0]} onChange={(v) => setRange(([, b]) => [v, b])} aria-label="Từ ngày" style={{ width: 130 }} />
          <Typography.Text type="secondary">đến</Typography.Text>
          <DateInput value={range[1]} onChange={(v) => setRange(([a]) => [a, v])} aria-label="Đến ngày" style={{ width: 130 }} />
        </Space>
        <Select
          allowClear
          placeholder="Sổ"
          aria-label="Sổ"
          style={{ width: 200 }}
          value={bookId}
          onChange={setBookId}
          options={books.rows.map((b) => ({ value: b.id, label: bookLabel(b) }))}
        />
        {took !== null && (
          <Typography.Text type="secondary">
            {hits.length} kết quả{cursor ? '+' : ''} · {took} ms
          </Typography.Text>
        )}
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          placeholder="Tìm kiếm đã lưu"
          aria-label="Tìm kiếm đã lưu"
          style={{ width: 260 }}
          value={null}
          onChange={(id: string) => choose(id)}
          options={saved.map((s) => ({ value: s.id, label: s.name }))}
          notFoundContent="Chưa lưu tìm kiếm nào."
          optionRender={(o) => (
            <Space style={{ justifyContent: 'space-between', width: '100%' }}>
              <span>{o.label}</span>
              <Popconfirm
                title={`Xóa tìm kiếm đã lưu “${String(saved.find((x) => x.id === o.value)?.name ?? '')}”?`}
                okText="Xóa"
                cancelText="Không"
                onConfirm={(e) => {
                  e?.stopPropagation();
                  void api.call('search.deleteSaved', { id: String(o.value) }).then(loadSaved, (err: Error) => message.error(err.message));
                }}
              >
                <Button
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={`Xóa ${String(saved.find((x) => x.id === o.value)?.name ?? '')}`}
                  onClick={(e) => e.stopPropagation()}
                />
              </Popconfirm>
            </Space>
          )}
        />
        <Button icon={<SaveOutlined />} disabled={!q.trim()} onClick={save}>
          Lưu tìm kiếm
        </Button>
        <Button icon={<FilePdfOutlined />} disabled={!q.trim()} onClick={() => void takeOut('pdf')}>
          Xuất PDF
        </Button>
        <Button icon={<FileWordOutlined />} disabled={!q.trim()} onClick={() => void takeOut('docx')}>
          Xuất Word
        </Button>
      </Space>
      {hits.length === 0 && q.trim() ? (
        <Empty description="Không tìm thấy văn bản hay hồ sơ nào khớp." />
      ) : (
        <List
          bordered
          style={{ background: '#fff' }}
          dataSource={hits}
          renderItem={(h) => (
            <List.Item data-testid="search-result" {...openable(() => onOpen(h, q))}>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Tag color={h.kind === 'incoming' ? 'blue' : h.kind === 'outgoing' ? 'green' : 'purple'}>{KIND_LABELS[h.kind]}</Tag>
                    <strong>
                      <Highlighted text={h.code} spans={h.highlights.code} />
                    </strong>
                    {h.date && <Typography.Text type="secondary">{formatDate(h.date)}</Typography.Text>}
                  </Space>
                }
                description={
                  <>
                    <div style={{ color: '#222' }}>
                      <Highlighted text={h.title} spans={h.highlights.title} />
                    </div>
                    <Highlighted text={h.subtitle} spans={h.highlights.subtitle} />
                    {h.inFile && (
                      <div className="vt-in-file" data-testid="search-in-file">
                        <PaperClipOutlined /> Trong tệp “{h.inFile.name}”:{' '}
                        <Highlighted text={h.inFile.excerpt} spans={h.inFile.highlights} />
                      </div>
                    )}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {cursor && (
        <Button style={{ marginTop: 8 }} onClick={() => void run(true)}>
          Xem thêm kết quả
        </Button>
      )}
    </div>
  );
}
