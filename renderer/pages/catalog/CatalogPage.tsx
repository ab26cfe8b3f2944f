// Danh mục: the office's abbreviation and the symbol pattern of each document type (with the
// symbol each gives), and the register books with their state.
import { App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../../../shared/api/admin.js';
import { formatInstant } from '../../../shared/text/dates.js';
import { api } from '../../api/client';
import { mayCall } from '../../../shared/api/access.js';
import { refreshLookup, useLookup, type BookRow } from '../../hooks/useLookup';
import { OrganIdsCard } from './OrganIdsCard';

type Symbols = Awaited<ReturnType<typeof api.call<'settings.symbols'>>>;

export function CatalogPage({ me }: { me: Me }) {
  const { message } = App.useApp();
  const canEdit = mayCall(me, 'settings.saveSymbols');
  const [symbols, setSymbols] = useState<Symbols | null>(null);
  const [organ, setOrgan] = useState('');
  const [mark, setMark] = useState('');
  const [patterns, setPatterns] = useState<Record<string, string>>({});

  const load = useCallback(async () => {
    const s = await api.call('settings.symbols');
    setSymbols(s);
    setOrgan(s.organ);
    setMark(s.confidentialMark);
    setPatterns(Object.fromEntries(s.types.map((t) => [t.code, t.pattern])));
    await refreshLookup('books');
  }, []);
  useEffect(() => void load().catch((err: Error) => message.error(err.message)), [load, message]);

  const save = async () => {
    if (!symbols) return;
    // Keep only what differs from the default pattern.
    const defaults = Object.fromEntries(symbols.types.map((t) => [t.code, t.custom ? null : t.pattern]));
    const changed = Object.fromEntries(
      Object.entries(patterns).filter(([code, p]) => p.trim() && (symbols.patterns[code] !== undefined || p !== defaults[code])),
    );
    try {
      const s = await api.call('settings.saveSymbols', { organ, patterns: changed, confidentialMark: mark });
      setSymbols(s);
      message.success('Đã lưu ký hiệu văn bản đi.');
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  return (
    <div className="vt-page" style={{ overflow: 'auto' }}>
      <h1 className="vt-page-title">Danh mục</h1>
      <Card
        size="small"
        title="Ký hiệu văn bản đi"
        extra={
          canEdit && (
            <Button type="primary" onClick={() => void save()}>
              Lưu
            </Button>
          )
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <span>Chữ viết tắt tên cơ quan:</span>
          <Input
            style={{ width: 160 }}
            value={organ}
            disabled={!canEdit}
            onChange={(e) => setOrgan(e.target.value)}
            aria-label="Chữ viết tắt tên cơ quan"
          />
          <span>Dấu hiệu sổ văn bản mật:</span>
          <Input
            style={{ width: 80 }}
            value={mark}
            disabled={!canEdit}
            onChange={(e) => setMark(e.target.value)}
            aria-label="Dấu hiệu sổ mật"
          />
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          Trong mẫu: {'{so}'} số văn bản (01…09 viết kèm số 0), {'{loai}'} chữ viết tắt loại văn bản, {'{coquan}'} chữ viết tắt cơ quan,{' '}
          {'{donvi}'} đơn vị soạn thảo, {'{nam}'} năm. Ví dụ dưới đây lấy số 5 và đơn vị VP.
        </Typography.Paragraph>
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={symbols?.types ?? []}
          scroll={{ y: 360 }}
          columns={[
            { title: 'Loại văn bản', key: 't', width: 220, render: (_, t) => `${t.code} — ${t.name}` },
            {
              title: 'Mẫu ký hiệu',
              key: 'p',
              render: (_, t) => (
                <Input
                  size="small"
                  value={patterns[t.code] ?? ''}
                  disabled={!canEdit}
                  onChange={(e) => setPatterns((p) => ({ ...p, [t.code]: e.target.value }))}
                  aria-label={`Mẫu ký hiệu ${t.code}`}
                />
              ),
            },
            {
              title: 'Ví dụ',
              dataIndex: 'example',
              width: 200,
              render: (e: string, t) => (
                <Space>
                  <strong>{e}</strong>
                  {t.custom && <Tag color="blue">riêng</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <BooksCard />
      {mayCall(me, 'agencies.list') && <OrganIdsCard canEdit={mayCall(me, 'agencies.save')} />}
    </div>
  );
}

/** The register books: which is still written in, its next number, when it was last printed. */
function BooksCard() {
  const books = useLookup('books').rows;
  return (
    <Card size="small" title="Sổ đăng ký" style={{ marginTop: 16 }}>
      <Table<BookRow>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={books}
        rowClassName={(b) => (b.closed ? 'vt-closed' : '')}
        columns={[
          { title: 'Sổ', dataIndex: 'name' },
          { title: 'Loại', dataIndex: 'kind', width: 120, render: (k: string) => (k === 'incoming' ? 'Văn bản đến' : 'Văn bản đi') },
          { title: 'Số tiếp theo', dataIndex: 'nextNumber', width: 110, align: 'center' },
          { title: 'In lần cuối', dataIndex: 'printedAt', width: 150, render: (v: string | null) => (v ? formatInstant(v) : '—') },
          {
            title: 'Tình trạng',
            dataIndex: 'closed',
            width: 120,
            render: (c: boolean) => (c ? <Tag>Đã khóa sổ</Tag> : <Tag color="green">Đang ghi</Tag>),
          },
        ]}
      />
    </Card>
  );
}
