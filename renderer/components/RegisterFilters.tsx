// The filters above a register: words (asked a moment after the last key, never mid-composition),
// year, type, and for the incoming register urgency and the arrival dates, typed as dd/mm/yyyy
// like every date in the program (a calendar pop-up held the Tab key).
import { SearchOutlined } from './icons';
import { Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { parseTypedDate } from '../../shared/text/dates.js';
import { useSettledText } from '../hooks/useSettledText';
import { DateInput } from './DateInput';
import { URGENCIES, URGENCY_LABELS, type Urgency } from '../../shared/domain/enums.js';
import { officeYear } from '../../shared/text/dates.js';
import { useLookup } from '../hooks/useLookup';
import { FOLDED_SEARCH } from './foldedSearch';
import { bookLabel } from './bookLabel';

export interface RegisterFilterValues {
  q: string;
  year: number | undefined;
  type: string | undefined;
  urgency?: Urgency | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** A book of a unit taken over, read on its own; none: the office's own books. */
  bookId?: string | undefined;
}

const YEARS_SHOWN = 6;

/** A whole date that does not exist (31/02): the field turns red and does not filter. */
const notADay = (t: string) => t.length === 10 && !parseTypedDate(t);

export function RegisterFilters(props: {
  /** What the search box is for, read aloud and shown as its placeholder. */
  searchLabel: string;
  placeholder: string;
  /** The incoming register also filters by urgency and arrival dates. */
  full?: boolean;
  /** Which books of units taken over may be chosen (the choice shows only where there are some). */
  bookKind?: 'incoming' | 'outgoing';
  onChange: (patch: Partial<RegisterFilterValues>) => void;
}) {
  const { onChange } = props;
  const types = useLookup('docTypes').rows;
  const formerBooks = useLookup('books').rows.filter((b) => b.kind === props.bookKind && b.unitId);
  const words = useSettledText();
  const [years] = useState(() => Array.from({ length: YEARS_SHOWN }, (_, i) => officeYear(new Date()) - i));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  useEffect(() => onChange({ q: words.settled }), [words.settled, onChange]);
  // A date filters once it is whole and real; an emptied field stops filtering.
  useEffect(() => {
    const day = (t: string) => (t ? (parseTypedDate(t) ?? null) : undefined);
    const f = day(from);
    const t = day(to);
    if (f !== null && t !== null) onChange({ from: f, to: t });
  }, [from, to, onChange]);

  return (
    <>
      <Input
        allowClear
        className="vt-filter-words"
        prefix={<SearchOutlined aria-hidden />}
        placeholder={props.placeholder}
        title={`${props.placeholder} Gõ không dấu cũng được.`}
        {...words.inputProps}
        aria-label={props.searchLabel}
      />
      <Select
        allowClear
        placeholder="Năm"
        aria-label="Năm"
        style={{ width: 88 }}
        options={years.map((y) => ({ value: y, label: y }))}
        onChange={(year?: number) => onChange({ year })}
      />
      {formerBooks.length > 0 && (
        <Select
          allowClear
          placeholder="Sổ của đơn vị cũ"
          aria-label="Sổ của đơn vị cũ"
          style={{ width: 170 }}
          popupMatchSelectWidth={520}
          options={formerBooks.map((b) => ({ value: b.id, label: bookLabel(b) }))}
          onChange={(bookId?: string) => onChange({ bookId })}
        />
      )}
      <Select
        allowClear
        showSearch={FOLDED_SEARCH}
        placeholder="Loại văn bản"
        aria-label="Loại văn bản"
        style={{ width: 150 }}
        popupMatchSelectWidth={280}
        options={types.map((t) => ({ value: t.code, label: `${t.code} — ${t.name}` }))}
        onChange={(type?: string) => onChange({ type })}
      />
      {props.full && (
        <>
          <Select
            allowClear
            placeholder="Độ khẩn"
            aria-label="Độ khẩn"
            style={{ width: 116 }}
            options={URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))}
            onChange={(urgency?: Urgency) => onChange({ urgency })}
          />
          <DateInput
            value={from}
            onChange={setFrom}
            aria-label="Đến từ ngày"
            placeholder="từ ngày"
            status={notADay(from) ? 'error' : undefined}
            style={{ width: 104 }}
          />
          <DateInput
            value={to}
            onChange={setTo}
            aria-label="Đến ngày"
            placeholder="đến ngày"
            status={notADay(to) ? 'error' : undefined}
            style={{ width: 104 }}
          />
        </>
      )}
    </>
  );
}
