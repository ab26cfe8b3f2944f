// Tìm kiếm: the full results, ranked, with the words marked (in attached files too); filters by
// kind, year and register date.
import { PaperClipOutlined } from '../../components/icons';
import { Button, Checkbox, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../shared/api/search.js';
import { formatDate, officeYear } from '../../../shared/text/dates.js';
import { api } from '../../api/client';
import { DateInput, toIsoDate } from '../../components/DateInput';
import { Highlighted } from '../../components/Highlighted';
import { KIND_LABELS } from './GlobalSearch';
import { useSettledText } from '../../hooks/useSettledText';
import { openable } from '../../components/openable';

export function SearchPage({ initial, onOpen }: { initial: string; onOpen: (hit: SearchHit, q?: string) => void }) {
  const words = useSettledText(initial, 200);
  const q = words.settled;
  const [kinds, setKinds] = useState<SearchHit['kind'][]>(['incoming', 'outgoing', 'dossier']);
  const [year, setYear] = useState<number | undefined>();
  // Typed as dd/mm/yyyy; used once each is a whole, real date.
  const [range, setRange] = useState<[string, string]>(['', '']);
  const from = toIsoDate(range[0]);
  const to = toIsoDate(range[1]);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [took, setTook] = useState<number | null>(null);
  const { reset } = words;
  useEffect(() => reset(initial), [initial, reset]);

  const run = async (more: boolean) => {
    if (!q.trim()) return setHits([]);
    const r = await api.call('search.query', {
      q,
      kinds,
      limit: 30,
      cursor: more ? cursor : null,
      ...(year ? { year } : {}),
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
  }, [q, kinds, year, from, to]);

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
        {took !== null && (
          <Typography.Text type="secondary">
            {hits.length} kết quả{cursor ? '+' : ''} · {took} ms
          </Typography.Text>
        )}
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
