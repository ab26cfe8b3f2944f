// The search box in the top bar (Ctrl+K): results grouped by kind as one types; Enter with no
// choice opens the full results page.
import { SearchOutlined } from '@ant-design/icons';
import { App, AutoComplete, Input, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../../shared/api/search.js';
import { api } from '../../api/client';
import { Highlighted } from '../../components/Highlighted';

export const KIND_LABELS: Record<SearchHit['kind'], string> = { incoming: 'Văn bản đến', outgoing: 'Văn bản đi', dossier: 'Hồ sơ' };

export function GlobalSearch({ onOpen, onAll }: { onOpen: (hit: SearchHit) => void; onAll: (q: string) => void }) {
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const box = useRef<HTMLDivElement>(null);
  const asked = useRef(0);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        box.current?.querySelector('input')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!q.trim()) return setHits([]);
    const n = ++asked.current;
    const t = setTimeout(() => {
      void api
        .call('search.query', { q, limit: 12 })
        .then((r) => n === asked.current && setHits(r.items))
        // One message however many keys were typed while the search failed.
        .catch((err: Error) => message.error({ key: 'global-search', content: `Chưa tìm được: ${err.message}` }));
    }, 150);
    return () => clearTimeout(t);
  }, [q, message]);

  const groups = (['incoming', 'outgoing', 'dossier'] as const)
    .map((kind) => ({
      label: KIND_LABELS[kind],
      options: hits
        .filter((h) => h.kind === kind)
        .map((h) => ({
          value: `${h.kind}:${h.id}`,
          label: (
            <div data-testid="search-option" style={{ whiteSpace: 'normal' }}>
              <strong>
                <Highlighted text={h.code} spans={h.highlights.code} />
              </strong>{' '}
              <Highlighted text={h.title} spans={h.highlights.title} />
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {h.subtitle}
                  {h.inFile && ` · trong tệp “${h.inFile.name}”`}
                </Typography.Text>
              </div>
            </div>
          ),
        })),
    }))
    .filter((g) => g.options.length > 0);

  return (
    <div ref={box} style={{ width: 420 }}>
      <AutoComplete
        style={{ width: '100%' }}
        value={q}
        options={groups}
        onChange={setQ}
        onSelect={(value: string) => {
          const hit = hits.find((h) => `${h.kind}:${h.id}` === value);
          setQ('');
          if (hit) onOpen(hit);
        }}
        popupMatchSelectWidth={560}
      >
        <Input
          prefix={<SearchOutlined />}
          placeholder="Tìm văn bản, hồ sơ… (Ctrl+K)"
          aria-label="Tìm kiếm nhanh"
          allowClear
          onPressEnter={(e) => {
            const el = e.currentTarget;
            if (el.getAttribute('aria-activedescendant') && el.getAttribute('aria-expanded') === 'true') return;
            if (!q.trim()) return;
            onAll(q);
            setQ('');
            el.blur();
          }}
        />
      </AutoComplete>
    </div>
  );
}
