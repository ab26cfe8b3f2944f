// Tiếp nhận đơn vị: the office takes over a unit that was merged into it, joined with it, split
// or dissolved (shared/domain/reform.ts), from that unit's own store (its backup, opened and
// brought to this schema by electron/reform/takeOverService.ts). Every row comes over through the
// one write path, so it is audited and reaches the office's other PCs like any change:
// its books closed and read as the old unit's, its dossiers and catalogues the old unit's, its
// people moved here (or kept, inactive, where only their names must stay readable), its open tasks
// going on. Nothing of the old unit's settings comes: numbering, symbols and routes are this office's.
import { AppError } from '../../shared/api/errors.js';
import { isSecret } from '../../shared/domain/secrecy.js';
import { mayMove, movesByDefault, rolesInSuccessor, type ReformKind } from '../../shared/domain/reform.js';
import type { Role } from '../../shared/domain/enums.js';
import { ORGAN_ID_SETTING } from '../../shared/sync/exchangeRelay.js';
import { foldVietnamese } from '../../shared/text/searchKey.js';
import { formatDate } from '../../shared/text/dates.js';
import { currentUnit } from '../admin/users.js';
import { readSetting } from '../core/settings.js';
import { imageKey, readImage } from '../signing/signingImages.js';
import * as schema from '../core/schema.js';
import { stmt } from '../core/statements.js';
import type { Store } from '../core/store.js';
import { mutate, type SyncedTable, type WriteContext, type Writer } from '../core/write.js';

type Row = Record<string, unknown>;

/** The tables that come over, parents before children (the keys are checked per batch). */
const TABLES: [string, SyncedTable][] = [
  ['units', schema.units],
  ['departments', schema.departments],
  ['users', schema.users],
  ['agencies', schema.agencies],
  ['doc_types', schema.docTypes],
  ['register_books', schema.registerBooks],
  ['documents', schema.documents],
  ['outgoing_drafts', schema.outgoingDrafts],
  ['document_links', schema.documentLinks],
  ['attachments', schema.attachments],
  ['tasks', schema.tasks],
  ['document_events', schema.documentEvents],
  ['catalogue_headings', schema.catalogueHeadings],
  ['catalogue_entries', schema.catalogueEntries],
  ['dossiers', schema.dossiers],
  ['dossier_items', schema.dossierItems],
  ['exchange_messages', schema.exchangeMessages],
  ['access_log', schema.accessLog],
  ['saved_searches', schema.savedSearches],
];

/** Rows that read as the old unit's: they get its id where they had none (none meant "this office"). */
const OWNED_BY_UNIT = new Set(['register_books', 'catalogue_headings', 'catalogue_entries', 'dossiers']);

const BATCH = 2_000;

export interface FormerUnit {
  id: string;
  code: string;
  name: string;
  organId: string | null;
}

export interface FormerUnitFacts {
  unit: FormerUnit;
  /** Units it had taken over itself, which come along. */
  predecessors: number;
  documents: number;
  secretDocuments: number;
  books: number;
  dossiers: number;
  openTasks: number;
  users: { id: string; username: string; fullName: string; roles: Role[]; active: boolean }[];
  /** The sync server it was joined to (its id), if any. */
  syncServerId: string | null;
}

const count = (db: Store, sql: string): number => (db.sqlite.prepare(sql).get() as { n: number }).n;

/** What the old unit's store holds, for the admin to check before he takes it over. */
export function readFormerUnit(source: Store): FormerUnitFacts {
  let unit: ReturnType<typeof currentUnit>;
  try {
    unit = currentUnit(source);
  } catch {
    throw new AppError('VALIDATION', 'Bản sao lưu này chưa có đơn vị nào (VănThư ở đó chưa được thiết lập).');
  }
  const sync = source.sqlite.prepare("SELECT value FROM local_meta WHERE key = 'sync.config'").get() as { value: string } | undefined;
  const syncServerId = serverIdOf(sync?.value);
  const users = (
    source.sqlite
      .prepare('SELECT id, username, full_name, roles, active FROM users WHERE deleted_at IS NULL AND unit_id = ? ORDER BY username')
      .all(unit.id) as {
      id: string;
      username: string;
      full_name: string;
      roles: string;
      active: number;
    }[]
  ).map((u) => ({ id: u.id, username: u.username, fullName: u.full_name, roles: parseRoles(u.roles), active: u.active === 1 }));
  const docs = source.sqlite.prepare('SELECT confidentiality FROM documents WHERE deleted_at IS NULL').all() as {
    confidentiality: string;
  }[];
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, organId: readSetting<string | null>(source, ORGAN_ID_SETTING, null) },
    predecessors: count(source, 'SELECT count(*) AS n FROM units WHERE successor_id IS NOT NULL AND deleted_at IS NULL'),
    documents: docs.length,
    secretDocuments: docs.filter((d) => isSecret(d.confidentiality)).length,
    books: count(source, 'SELECT count(*) AS n FROM register_books WHERE deleted_at IS NULL'),
    dossiers: count(source, 'SELECT count(*) AS n FROM dossiers WHERE deleted_at IS NULL'),
    openTasks: count(source, "SELECT count(*) AS n FROM tasks WHERE deleted_at IS NULL AND status <> 'hoan_thanh'"),
    users,
    syncServerId,
  };
}

function serverIdOf(config: string | undefined): string | null {
  if (!config) return null;
  try {
    return (JSON.parse(config) as { serverId?: string }).serverId ?? null;
  } catch {
    return null;
  }
}

function parseRoles(text: string): Role[] {
  try {
    const roles = JSON.parse(text) as unknown;
    return Array.isArray(roles) ? (roles.filter((r) => typeof r === 'string') as Role[]) : [];
  } catch {
    return [];
  }
}

/** The reasons a takeover cannot go ahead, in the admin's words; nothing has been written yet. */
export function refuseTakeOver(store: Store, source: Store, former: FormerUnitFacts, here: { syncServerId: string | null }): void {
  const office = currentUnit(store);
  if (former.unit.id === office.id)
    throw new AppError('VALIDATION', `Không thể tiếp nhận chính đơn vị này (${office.name}): bản sao lưu là của đơn vị mình.`);
  const known = stmt(store.sqlite, 'SELECT name, ended_on, successor_id, reform FROM units WHERE id = ?').get(former.unit.id) as
    { name: string; ended_on: string | null; successor_id: string | null; reform: string | null } | undefined;
  if (known?.successor_id && known.reform)
    throw new AppError(
      'CONFLICT',
      `Đơn vị ${known.name} đã được tiếp nhận trước đó (từ ngày ${formatDate(known.ended_on)}); không tiếp nhận lại.`,
    );
  if (source.sqlite.prepare('SELECT 1 FROM units WHERE id = ? AND successor_id IS NOT NULL').get(office.id))
    throw new AppError('VALIDATION', `Chính đơn vị này đã được ${former.unit.name} tiếp nhận trước đó; không tiếp nhận ngược lại được.`);
  refuseGrafts(store, source, former);
  if (former.syncServerId && here.syncServerId && former.syncServerId !== here.syncServerId)
    throw new AppError(
      'VALIDATION',
      `${former.unit.name} đồng bộ với một máy chủ khác máy chủ của đơn vị này. Hai đơn vị trên hai máy chủ không ghép được trực tiếp: ` +
        'hãy để quản trị máy chủ cũ ghi nhận việc tổ chức lại (lệnh reorganise), ngắt đồng bộ trên máy của đơn vị cũ, sao lưu lại rồi tiếp nhận bản sao lưu đó.',
    );
}

/**
 * A backup is a file from another PC: a row that points outside the old unit's own records (a
 * task on this office's document, a document in this office's book), or that reuses the id of one
 * of this office's own rows, would graft onto the office's registers. Any such row refuses it all.
 */
const DANGLING: [string, string][] = [
  ['documents', 'book_id NOT IN (SELECT id FROM register_books)'],
  ['outgoing_drafts', 'document_id IS NOT NULL AND document_id NOT IN (SELECT id FROM documents)'],
  ['document_links', 'from_id NOT IN (SELECT id FROM documents) OR to_id NOT IN (SELECT id FROM documents)'],
  ['attachments', 'document_id NOT IN (SELECT id FROM documents)'],
  ['tasks', 'document_id NOT IN (SELECT id FROM documents)'],
  ['document_events', 'document_id NOT IN (SELECT id FROM documents)'],
  ['catalogue_entries', 'heading_id NOT IN (SELECT id FROM catalogue_headings)'],
  [
    'dossier_items',
    'dossier_id NOT IN (SELECT id FROM dossiers) OR (document_id IS NOT NULL AND document_id NOT IN (SELECT id FROM documents))',
  ],
  [
    'access_log',
    '(document_id IS NOT NULL AND document_id NOT IN (SELECT id FROM documents)) OR (dossier_id IS NOT NULL AND dossier_id NOT IN (SELECT id FROM dossiers))',
  ],
  ['exchange_messages', 'document_id IS NOT NULL AND document_id NOT IN (SELECT id FROM documents)'],
  ['saved_searches', 'user_id NOT IN (SELECT id FROM users)'],
];

/**
 * This office's own containers (not those of a unit taken over): an id the backup must not reuse,
 * or what it holds would land in them. Rows are never overwritten, so other reused ids only skip.
 */
const OWN_ROW: Record<string, string> = {
  documents: 'SELECT 1 FROM documents d JOIN register_books b ON b.id = d.book_id WHERE d.id = ? AND b.unit_id IS NULL',
  register_books: 'SELECT 1 FROM register_books WHERE id = ? AND unit_id IS NULL',
  dossiers: 'SELECT 1 FROM dossiers WHERE id = ? AND unit_id IS NULL',
  catalogue_headings: 'SELECT 1 FROM catalogue_headings WHERE id = ? AND unit_id IS NULL',
};

function refuseGrafts(store: Store, source: Store, former: FormerUnitFacts): void {
  for (const [table, where] of DANGLING) {
    const n = count(source, `SELECT count(*) AS n FROM "${table}" WHERE ${where}`);
    if (n > 0)
      throw new AppError(
        'VALIDATION',
        `Bản sao lưu của ${former.unit.name} có ${n} dòng (${table}) trỏ tới văn bản, sổ hoặc hồ sơ không có trong đó: dữ liệu không nguyên vẹn, không tiếp nhận.`,
      );
  }
  for (const [table, sql] of Object.entries(OWN_ROW)) {
    const own = stmt(store.sqlite, sql);
    const ids = source.sqlite.prepare(`SELECT id FROM "${table}"`).pluck().iterate() as IterableIterator<string>;
    for (const id of ids) {
      if (own.get(id))
        throw new AppError(
          'VALIDATION',
          `Bản sao lưu của ${former.unit.name} có dữ liệu trùng mã với dữ liệu của chính đơn vị này (${table}): không tiếp nhận.`,
        );
    }
  }
}

export interface TakeOverInput {
  kind: ReformKind;
  /** The day the reorganisation took effect (yyyy-mm-dd). */
  effectiveDate: string;
  /** The old unit's people who come to work here; the rest stay, inactive, so their names still read. */
  movingUserIds?: readonly string[] | undefined;
  /** The office's name, code and mã định danh after the reorganisation, where they change. */
  office?: { name?: string | undefined; code?: string | undefined; organId?: string | null | undefined } | undefined;
}

export interface TakeOverResult {
  unit: FormerUnit;
  rows: Record<string, number>;
  moved: string[];
  renamed: { from: string; to: string }[];
  /** Open tasks left with people who did not come: the leader gives them to someone. */
  tasksToReassign: number;
}

export interface TakeOverProgress {
  table: string;
  done: number;
  total: number;
}

/**
 * Copies the old unit in batches (one transaction each, so the office keeps working); how it was
 * reorganised is written last, so a takeover cut off half way is taken up again where it stopped
 * (rows already here are skipped), and one that finished is refused.
 */
export function* takeOverBatches(
  store: Store,
  ctx: WriteContext,
  source: Store,
  input: TakeOverInput,
): Generator<TakeOverProgress, TakeOverResult> {
  const former = readFormerUnit(source);
  const office = currentUnit(store);
  const moving = new Set(input.movingUserIds ?? (movesByDefault(input.kind) ? former.users.map((u) => u.id) : []));
  const suffix =
    foldVietnamese(former.unit.code)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '') || 'cu';
  const agencyOf = new Map<string, string>();
  const result: TakeOverResult = { unit: former.unit, rows: {}, moved: [], renamed: [], tasksToReassign: 0 };
  const total = TABLES.reduce((s, [name]) => s + count(source, `SELECT count(*) AS n FROM "${name}"`), 0);
  let done = 0;

  const shape = (name: string, row: Row): Row | null => {
    const exists = stmt(store.sqlite, `SELECT 1 FROM "${name}" WHERE id = ?`).get(row.id);
    if (name === 'agencies') {
      const same = stmt(
        store.sqlite,
        'SELECT id FROM agencies WHERE name_key = ? AND deleted_at IS NULL AND id <> ? ORDER BY created_at LIMIT 1',
      ).get(row.name_key, row.id) as { id: string } | undefined;
      if (same && !exists) {
        agencyOf.set(String(row.id), same.id);
        return null;
      }
    }
    if (exists) return null;
    if (name === 'doc_types' && stmt(store.sqlite, 'SELECT 1 FROM doc_types WHERE code = ? AND deleted_at IS NULL').get(row.code))
      return null;
    if (name === 'units' && row.id === former.unit.id)
      // Its successor at once (it is not this office's unit for a moment); how, only once all is in.
      return { ...row, successor_id: office.id, ended_on: input.effectiveDate, reform: null, organ_id: former.unit.organId };
    if (name === 'users') return shapeUser(row);
    if (OWNED_BY_UNIT.has(name) && !row.unit_id) row = { ...row, unit_id: former.unit.id };
    if (name === 'register_books' && !row.closed_at) row = { ...row, closed_at: `${input.effectiveDate}T00:00:00.000Z` };
    if (name === 'documents' && agencyOf.has(String(row.agency_id))) row = { ...row, agency_id: agencyOf.get(String(row.agency_id)) };
    if (name === 'exchange_messages' && row.state === 'cho_gui')
      row = { ...row, state: 'loi', error: `Chưa gửi khi ${former.unit.name} được tổ chức lại; gửi lại từ đơn vị này nếu còn cần.` };
    return row;
  };

  const shapeUser = (row: Row): Row => {
    let username = String(row.username);
    const taken = (name: string) => stmt(store.sqlite, 'SELECT 1 FROM users WHERE username = ? AND deleted_at IS NULL').get(name);
    if (taken(username)) {
      // Within the 40 characters a login may have.
      const stem = (tail: string) => `${username.slice(0, 40 - tail.length - 1)}.${tail}`;
      let candidate = stem(suffix);
      for (let i = 2; taken(candidate); i++) candidate = stem(`${suffix}${i}`);
      username = candidate;
    }
    const roles = rolesInSuccessor(parseRoles(String(row.roles)));
    const moves = row.unit_id === former.unit.id && moving.has(String(row.id)) && mayMove({ active: row.active === 1, roles });
    return {
      ...row,
      username,
      unit_id: moves ? office.id : row.unit_id === office.id ? former.unit.id : row.unit_id,
      roles: JSON.stringify(roles),
      active: moves ? 1 : 0,
      failed_logins: 0,
      locked_until: null,
    };
  };

  const audit = { action: 'reform.adopt', data: { from: former.unit.code, kind: input.kind } };
  for (const [name, table] of TABLES) {
    let after = 0;
    let taken = 0;
    for (;;) {
      const page = source.sqlite
        .prepare(`SELECT rowid AS _rowid, * FROM "${name}" WHERE rowid > ? ORDER BY rowid LIMIT ${BATCH}`)
        .all(after) as Row[];
      if (page.length === 0) break;
      after = Number(page[page.length - 1]!._rowid);
      mutate(store, ctx, (w) => {
        store.sqlite.pragma('defer_foreign_keys = ON');
        for (const raw of page) {
          const { _rowid, ...row } = raw;
          void _rowid;
          const shaped = shape(name, row);
          if (!shaped) continue;
          w.adopt(table, shaped, audit);
          taken++;
        }
      });
      done += page.length;
      yield { table: name, done, total };
    }
    result.rows[name] = taken;
  }

  // Who moved and whose login changed, read back: a takeover taken up again skipped them above.
  result.moved = [];
  result.renamed = [];
  for (const u of former.users) {
    const now = stmt(store.sqlite, 'SELECT username, unit_id FROM users WHERE id = ?').get(u.id) as
      { username: string; unit_id: string } | undefined;
    if (!now) continue;
    if (now.unit_id === office.id) result.moved.push(now.username);
    if (now.username !== u.username) result.renamed.push({ from: u.username, to: now.username });
  }

  result.tasksToReassign = (
    stmt(
      store.sqlite,
      `SELECT count(*) AS n FROM tasks t JOIN users u ON u.id = t.user_id
        WHERE t.deleted_at IS NULL AND t.status <> 'hoan_thanh' AND u.unit_id = ? AND u.active = 0`,
    ).get(former.unit.id) as { n: number }
  ).n;

  mutate(store, ctx, (w) => {
    // A leader who moved signs here with the signature image he had (settings are not taken over).
    for (const u of former.users) {
      const image = readImage(source, 'signature', u.id);
      const moved = stmt(store.sqlite, 'SELECT 1 FROM users WHERE id = ? AND unit_id = ?').get(u.id, office.id);
      if (image && moved && !readImage(store, 'signature', u.id)) w.setSetting(imageKey('signature', u.id), image);
    }
    w.update(schema.units, former.unit.id, { reform: input.kind }, 'reform.done');
    renameOffice(w, office.id, input.office);
    w.event('reform.takeOver', {
      unit: former.unit,
      kind: input.kind,
      effectiveDate: input.effectiveDate,
      rows: result.rows,
      moved: result.moved,
    });
  });
  return result;
}

/** The whole takeover at once (tests, small units); the service yields between batches. */
export function takeOverUnit(store: Store, ctx: WriteContext, source: Store, input: TakeOverInput): TakeOverResult {
  const steps = takeOverBatches(store, ctx, source, input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The office's name, code and mã định danh after a reorganisation (or any time they change). */
export function renameOffice(w: Writer, officeId: string, office: TakeOverInput['office']): void {
  if (!office) return;
  const values: Row = {};
  if (office.name?.trim()) values.name = office.name.trim().normalize('NFC');
  if (office.code?.trim()) values.code = office.code.trim().normalize('NFC');
  if (Object.keys(values).length) w.update(schema.units, officeId, values, 'reform.rename');
  if (office.organId !== undefined) w.setSetting(ORGAN_ID_SETTING, office.organId);
}
