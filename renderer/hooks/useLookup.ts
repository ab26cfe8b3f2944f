// The lists forms pick from (document types, staff, departments, register books): fetched once,
// shared by every screen, fetched again when an admin changes them, and a Vietnamese message
// when loading fails instead of an empty picker.
import { App } from 'antd';
import { useEffect, useSyncExternalStore } from 'react';
import type { MethodOutput } from '../../shared/api/contract.js';
import { api } from '../api/client';

const SOURCES = {
  docTypes: () => api.call('docTypes.list'),
  staff: () => api.call('users.directory'),
  departments: () => api.call('departments.list'),
  books: () => api.call('books.list'),
};

export type LookupName = keyof typeof SOURCES;
type Rows<N extends LookupName> = Awaited<ReturnType<(typeof SOURCES)[N]>>;

const LABELS: Record<LookupName, string> = {
  docTypes: 'danh mục loại văn bản',
  staff: 'danh sách cán bộ',
  departments: 'danh sách phòng, ban',
  books: 'danh sách sổ',
};

export interface Lookup<T> {
  rows: T;
  loading: boolean;
  error: string | null;
}

interface Entry {
  state: Lookup<unknown[]>;
  loading: Promise<void> | null;
}

const EMPTY: unknown[] = [];
const entries = new Map<LookupName, Entry>();
const listeners = new Set<() => void>();

function entry(name: LookupName): Entry {
  let e = entries.get(name);
  if (!e) {
    e = { state: { rows: EMPTY, loading: true, error: null }, loading: null };
    entries.set(name, e);
  }
  return e;
}

function set(name: LookupName, state: Lookup<unknown[]>): void {
  entry(name).state = state;
  for (const l of listeners) l();
}

function load(name: LookupName): Promise<void> {
  const e = entry(name);
  if (e.loading) return e.loading;
  if (!e.state.loading) set(name, { ...e.state, loading: true });
  e.loading = SOURCES[name]()
    .then((rows: unknown[]) => set(name, { rows, loading: false, error: null }))
    .catch((err: unknown) =>
      set(name, { rows: entry(name).state.rows, loading: false, error: `Chưa tải được ${LABELS[name]}: ${(err as Error).message}` }),
    )
    .finally(() => {
      entry(name).loading = null;
    });
  return e.loading;
}

/** Asks for a list again (after an admin changed it, or after logging in as someone else). */
export function refreshLookup(name: LookupName): Promise<void> {
  entry(name).loading = null;
  return load(name);
}

/** Forgets every list: the next screen asks the backend again (logout, another user). */
export function forgetLookups(): void {
  entries.clear();
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A list to pick from, loaded on first use and shared; a failure is shown once as a message. */
export function useLookup<N extends LookupName>(name: N): Lookup<Rows<N>> {
  const { message } = App.useApp();
  const state = useSyncExternalStore(subscribe, () => entry(name).state);
  useEffect(() => {
    const e = entry(name);
    if (e.state.loading || e.state.error) void load(name);
  }, [name]);
  useEffect(() => {
    // One message however many screens use the list.
    if (state.error) void message.error({ key: `lookup-${name}`, content: state.error });
  }, [state.error, message, name]);
  return state as Lookup<Rows<N>>;
}

export type DepartmentRow = MethodOutput<'departments.list'>[number];
export type BookRow = MethodOutput<'books.list'>[number];
