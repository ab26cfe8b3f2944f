// The search box in the top bar (Ctrl+K, which selects the last query so typing replaces it):
// results grouped by kind as one types — asked once the input method has finished a word —
// Enter with no result chosen opens the full results page, and no hit says so with a hint. In
// the empty box the arrows walk the user's saved searches; Enter on one opens it on the page.
import { App, AutoComplete, Input, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { SEARCH_KIND_LABELS, type SavedQuery, type SavedSearch, type SearchHit } from '../../../shared/api/search.js';
import { api } from '../../api/client';
import { Highlighted } from '../../components/Highlighted';
import { SearchOutlined } from '../../components/icons';
import { useSettledText } from '../../hooks/useSettledText';

export const KIND_LABELS = SEARCH_KIND_LABELS;

export function GlobalSearch({
  onOpen,
  onAll,
  onSaved,
}: {
  onOpen: (hit: SearchHit, q?: string) => void;
  onAll: (q: string) => void;
  onSaved: (query: SavedQuery) => void;
}) {
  const [saved, setSaved] = useState<SavedSearch[]>([]);
  /** The empty box was entered: its list is the saved searches, open until left or Escape. */
  const [offerSaved, setOfferSaved] = useState(false);
  const { message } = App.useApp();
  const words = useSettledText('', 150);
  const q = words.settled;
  /** The hits and the query they answer: a hit list for an older query is not shown as this one's. */
  const [answer, setAnswer] = useState<{ q: string; hits: SearchHit[] } | null>(null);
  const [asked, setAsked] = useState(0);
  /** The user moved through the results with the arrows: Enter opens the one he is on. */
  const [chose, setChose] = useState(false);
  const input = useRef<InputRef>(null);
  const sent = useRef(0);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        input.current?.focus({ cursor: 'all' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!q.trim()) return setAnswer(null);
    const n = ++sent.current;
    void api
      .call('search.query', { q, limit: 12 })
      .then((r) => n === sent.current && setAnswer({ q, hits: r.items }))
      // One message however many keys were typed while the search failed.
      .catch((err: Error) => message.error({ key: 'global-search', content: `Chưa tìm được: ${err.message}` }));
  }, [q, asked, message]);

  const hits = answer?.hits ?? [];
  const savedOptions = saved.map((s) => ({
    value: `saved:${s.id}`,
    label: (
      <div data-testid="saved-option" style={{ whiteSpace: 'normal' }}>
        <span className="vt-kind">Tìm đã lưu</span> <strong>{s.name}</strong>
        <div className="vt-hit-sub">“{s.query.q}”</div>
      </div>
    ),
  }));
  // One flat list, the kind shown on each line: antd's option groups give screen readers
  // invalid markup (a group heading "selected"), and a list with nothing active points
  // aria-activedescendant at no element — so the first line is active, but not chosen (below).
  const hitOptions = (['incoming', 'outgoing', 'dossier'] as const).flatMap((kind) =>
    hits
      .filter((h) => h.kind === kind)
      .map((h) => ({
        value: `${h.kind}:${h.id}`,
        label: (
          <div data-testid="search-option" style={{ whiteSpace: 'normal' }}>
            <span className="vt-kind">{KIND_LABELS[kind]}</span>{' '}
            <strong>
              <Highlighted text={h.code} spans={h.highlights.code} />
            </strong>{' '}
            <Highlighted text={h.title} spans={h.highlights.title} />
            <div className="vt-hit-sub">
              {h.subtitle}
              {h.inFile && ` · trong tệp “${h.inFile.name}”`}
            </div>
          </div>
        ),
      })),
  );

  const options = words.text.trim() ? hitOptions : savedOptions;

  const showAll = () => {
    const text = words.text.trim();
    if (!text) return;
    onAll(text);
    words.reset('');
    setAnswer(null);
    input.current?.blur();
  };

  return (
    <div
      style={{ width: 'min(420px, 34vw)' }}
      onKeyDownCapture={(e) => {
        if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !chose && options.length > 0) {
          setChose(true);
          // The first arrow shows the first line as chosen (it is the active one already).
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            e.stopPropagation();
          }
          return;
        }
        if (e.key !== 'Enter' || e.nativeEvent.isComposing || words.isComposing() || chose) return;
        // Enter with no result chosen: the full results page, before the list takes its first line.
        e.preventDefault();
        e.stopPropagation();
        showAll();
      }}
    >
      <AutoComplete
        style={{ width: '100%' }}
        value={words.text}
        options={options}
        defaultActiveFirstOption
        classNames={{ popup: { root: chose ? '' : 'vt-unchosen' } }}
        // Opened for the saved searches only; otherwise the list opens and closes as antd's does.
        {...(!words.text.trim() && offerSaved && saved.length > 0 ? { open: true } : {})}
        notFoundContent={
          answer && answer.q === words.text && hits.length === 0 ? (
            <div data-testid="search-none">
              Không tìm thấy “{answer.q}”.{' '}
              <Typography.Text type="secondary">
                Thử bớt từ, gõ số ký hiệu (ví dụ 123/SGDĐT), hoặc bấm Enter để tìm cả trong tệp đính kèm trên trang Tìm kiếm.
              </Typography.Text>
            </div>
          ) : null
        }
        onChange={(v: string) => {
          words.set(v);
          setChose(false);
        }}
        onSelect={(value: string) => {
          const chosen = value.startsWith('saved:') ? saved.find((s) => `saved:${s.id}` === value) : undefined;
          if (chosen) {
            words.reset('');
            setChose(false);
            setOfferSaved(false);
            input.current?.blur();
            return onSaved(chosen.query);
          }
          const hit = hits.find((h) => `${h.kind}:${h.id}` === value);
          const asked = answer?.q;
          words.reset('');
          setAnswer(null);
          if (hit) onOpen(hit, asked);
        }}
        popupMatchSelectWidth={560}
      >
        <Input
          ref={input}
          prefix={<SearchOutlined />}
          placeholder="Tìm văn bản, hồ sơ… (Ctrl+K)"
          aria-label="Tìm kiếm nhanh"
          allowClear
          onCompositionStart={words.inputProps.onCompositionStart}
          onCompositionEnd={words.inputProps.onCompositionEnd}
          // What was found an action ago may have changed: ask again when the box is entered.
          onFocus={() => {
            setAsked((n) => n + 1);
            setOfferSaved(true);
            void api.call('search.saved').then(setSaved, () => undefined);
          }}
          onBlur={() => setOfferSaved(false)}
          onKeyDown={(e) => e.key === 'Escape' && setOfferSaved(false)}
        />
      </AutoComplete>
    </div>
  );
}
