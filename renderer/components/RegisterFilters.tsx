// The filters above a register: words (asked a moment after the last key), year, type, and for
// the incoming register urgency and the arrival dates.
import { SearchOutlined } from '@ant-design/icons';
import { DatePicker, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { URGENCIES, URGENCY_LABELS, type Urgency } from '../../shared/domain/enums.js';
import { officeYear } from '../../shared/text/dates.js';
import { useLookup } from '../hooks/useLookup';
import { FOLDED_SEARCH } from './foldedSearch';

export interface RegisterFilterValues {
  q: string;
  year: number | undefined;
  type: string | undefined;
  urgency?: Urgency | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const YEARS_SHOWN = 6;

export function RegisterFilters(props: {
  /** What the search box is for, read aloud and shown as its placeholder. */
  searchLabel: string;
  placeholder: string;
  width: number;
  /** The incoming register also filters by urgency and arrival dates. */
  full?: boolean;
  onChange: (patch: Partial<RegisterFilterValues>) => void;
}) {
  const { onChange } = props;
  const types = useLookup('docTypes').rows;
  const [typing, setTyping] = useState('');
  const [years] = useState(() => Array.from({ length: YEARS_SHOWN }, (_, i) => officeYear(new Date()) - i));
  useEffect(() => {
    const t = setTimeout(() => onChange({ q: typing }), 250);
    return () => clearTimeout(t);
  }, [typing, onChange]);

  return (
    <>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={props.placeholder}
        style={{ width: props.width }}
        value={typing}
        onChange={(e) => setTyping(e.target.value)}
        aria-label={props.searchLabel}
      />
      <Select
        allowClear
        placeholder="Năm"
        style={{ width: 100 }}
        options={years.map((y) => ({ value: y, label: y }))}
        onChange={(year?: number) => onChange({ year })}
      />
      <Select
        allowClear
        showSearch={FOLDED_SEARCH}
        placeholder="Loại văn bản"
        style={{ width: 180 }}
        options={types.map((t) => ({ value: t.code, label: `${t.code} — ${t.name}` }))}
        onChange={(type?: string) => onChange({ type })}
      />
      {props.full && (
        <>
          <Select
            allowClear
            placeholder="Độ khẩn"
            style={{ width: 130 }}
            options={URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))}
            onChange={(urgency?: Urgency) => onChange({ urgency })}
          />
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            placeholder={['Đến từ ngày', 'đến ngày']}
            onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
              onChange({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
            }
          />
        </>
      )}
    </>
  );
}
