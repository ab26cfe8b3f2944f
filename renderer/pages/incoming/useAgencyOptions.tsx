// The issuing organs the clerk picks from, filtered here as she types, so the highlighted choice
// always matches what is in the box (an answer arriving late could not pick a wrong one). What
// she typed is never replaced silently: unless it is a known organ (diacritics aside), the first
// line, the one Enter takes, is "keep what I typed"; a known organ is one arrow away.
import { App, Form, type FormInstance } from 'antd';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { foldVietnamese } from '../../../shared/text/searchKey.js';
import { api } from '../../api/client';

const AGENCY_LIST_LIMIT = 5000;

export interface AgencyOption {
  value: string;
  label?: ReactNode;
  'data-testid'?: string;
}

const keepTyped = (raw: string) => (
  <span>
    Giữ như đã gõ: <strong>{raw}</strong> <span className="vt-hit-sub">(cơ quan chưa có trong danh sách)</span>
  </span>
);

export function useAgencyOptions(form: FormInstance, open: boolean) {
  const { message } = App.useApp();
  const [agencies, setAgencies] = useState<{ name: string; key: string }[]>([]);
  const reload = useCallback(() => {
    void api
      .call('agencies.search', { limit: AGENCY_LIST_LIMIT })
      .then((list) => setAgencies(list.map((a) => ({ name: a.name, key: foldVietnamese(a.name) }))))
      .catch((err: Error) => message.error(`Chưa tải được danh sách cơ quan ban hành: ${err.message}`));
  }, [message]);
  useEffect(() => {
    if (open) reload();
  }, [open, reload]);

  // What is in the box now: Form.useWatch answers a render late, and a list built from the text
  // before the last key would offer to keep the wrong text (and the list would highlight a
  // longer known name instead).
  const watched = Form.useWatch('agency', form) as string | undefined;
  const [agencyText, setAgencyText] = useState('');
  useEffect(() => setAgencyText(watched ?? ''), [watched]);
  const agencyOptions = useMemo((): AgencyOption[] => {
    const raw = (agencyText ?? '').trim();
    const typed = foldVietnamese(raw);
    if (!typed) return agencies.slice(0, 12).map((a) => ({ value: a.name }));
    const hits = agencies.filter((a) => a.key.includes(typed));
    hits.sort(
      (a, b) => Number(a.key !== typed) - Number(b.key !== typed) || Number(!a.key.startsWith(typed)) - Number(!b.key.startsWith(typed)),
    );
    const known = hits.slice(0, 12).map((a) => ({ value: a.name }));
    if (hits[0]?.key === typed) return known;
    return [{ value: raw, label: keepTyped(raw), 'data-testid': 'agency-keep-typed' }, ...known];
  }, [agencies, agencyText]);

  /** Something is typed: the first line is what Enter takes. With nothing, the list only offers. */
  const typed = !!(agencyText ?? '').trim();
  return { agencyOptions, typed, onType: setAgencyText, reload };
}
