// Thông báo (Appendix VI, 1i): what waits for this user, derived from the records themselves — a
// task given to him, a document submitted to him, a draft waiting for his signature, a task
// falling due — so what arrives through sync notifies like what was done on this PC. Nothing he did
// himself notifies him. Read and told marks are this PC's (local values): the list is read here,
// and the desktop's OS notification fires once per item on this PC.
import { TASK_ROLE_LABELS, type TaskRole } from '../../shared/domain/workflow.js';
import { formatDate, officeDate } from '../../shared/text/dates.js';
import { workCalendar } from '../admin/calendar.js';
import { getDocument } from '../documents/documentRows.js';
import { stmt } from '../core/statements.js';
import { localValue, setLocalValue, type Store } from '../core/store.js';
import { maskRecord, type Reader } from '../secrets/secretAccess.js';
import { isSecret } from '../../shared/domain/secrecy.js';

export interface Notice {
  key: string;
  kind: 'task' | 'submitted' | 'draft' | 'due';
  at: string;
  title: string;
  body: string;
  documentId: string | null;
  draftId: string | null;
  unread: boolean;
}

const LIMIT = 50;

export function notificationsFor(
  store: Store,
  reader: Reader,
): { items: Notice[]; unread: number; fresh: { title: string; body: string }[] } {
  const me = reader.id;
  const raw: Omit<Notice, 'unread'>[] = [];
  // A secret document is named by its entry only: the list is asked every 30 seconds and may show
  // on the OS's screen, so it neither shows the content nor logs a secret read each time.
  const docLine = (id: string) => {
    const raw = getDocument(store, id);
    const d = isSecret(raw.confidentiality) ? maskRecord(raw) : raw;
    return `${d.kind === 'incoming' ? `Văn bản đến số ${d.number}/${d.year}` : 'Văn bản đi'} ${d.code} — ${d.summary}`;
  };
  const tasks = stmt(
    store.sqlite,
    `SELECT t.id, t.document_id, t.role, t.deadline, t.created_at, u.full_name AS by_name
       FROM tasks t LEFT JOIN users u ON u.id = t.assigned_by
      WHERE t.user_id = ? AND t.status <> 'hoan_thanh' AND t.deleted_at IS NULL AND (t.assigned_by IS NULL OR t.assigned_by <> ?)
      ORDER BY t.created_at DESC LIMIT ${LIMIT}`,
  ).all(me, me) as {
    id: string;
    document_id: string;
    role: TaskRole;
    deadline: string | null;
    created_at: string;
    by_name: string | null;
  }[];
  for (const t of tasks)
    raw.push({
      key: `task:${t.id}`,
      kind: 'task',
      at: t.created_at,
      title: `Được giao ${TASK_ROLE_LABELS[t.role]?.toLocaleLowerCase('vi') ?? 'xử lý'}${t.by_name ? ` (${t.by_name} giao)` : ''}${t.deadline ? `, hạn ${formatDate(t.deadline)}` : ''}`,
      body: docLine(t.document_id),
      documentId: t.document_id,
      draftId: null,
    });
  const submitted = stmt(
    store.sqlite,
    `SELECT d.id, e.at, e.user_id, u.full_name AS by_name FROM documents d
       JOIN document_events e ON e.id = (SELECT x.id FROM document_events x WHERE x.document_id = d.id AND x.action = 'submit' ORDER BY x.at DESC LIMIT 1)
       LEFT JOIN users u ON u.id = e.user_id
      WHERE d.kind = 'incoming' AND d.status = 'trinh' AND d.leader_id = ? AND d.deleted_at IS NULL AND (e.user_id IS NULL OR e.user_id <> ?)
      ORDER BY e.at DESC LIMIT ${LIMIT}`,
  ).all(me, me) as { id: string; at: string; by_name: string | null }[];
  for (const s of submitted)
    raw.push({
      key: `submitted:${s.id}:${s.at}`,
      kind: 'submitted',
      at: s.at,
      title: `Văn bản trình xin ý kiến chỉ đạo${s.by_name ? ` (${s.by_name} trình)` : ''}`,
      body: docLine(s.id),
      documentId: s.id,
      draftId: null,
    });
  const drafts = stmt(
    store.sqlite,
    `SELECT d.id, d.summary, d.updated_at, u.full_name AS by_name FROM outgoing_drafts d LEFT JOIN users u ON u.id = d.created_by
      WHERE d.status = 'trinh_ky' AND d.leader_id = ? AND d.deleted_at IS NULL AND (d.created_by IS NULL OR d.created_by <> ?)
      ORDER BY d.updated_at DESC LIMIT ${LIMIT}`,
  ).all(me, me) as { id: string; summary: string; updated_at: string; by_name: string | null }[];
  for (const d of drafts)
    raw.push({
      key: `draft:${d.id}:${d.updated_at}`,
      kind: 'draft',
      at: d.updated_at,
      title: `Dự thảo chờ ký${d.by_name ? ` (${d.by_name} trình)` : ''}`,
      body: d.summary,
      documentId: null,
      draftId: d.id,
    });
  // Due: an open task whose deadline is the next working day or earlier, from the start of the day before.
  const today = officeDate(store.now());
  const soon = workCalendar(store).addWorkingDays(today, 1);
  for (const t of tasks.filter((x) => x.deadline && x.deadline <= soon)) {
    const late = t.deadline! < today;
    raw.push({
      key: `due:${t.id}:${t.deadline}`,
      kind: 'due',
      at: `${late ? t.deadline : today}T00:00:00.000Z`,
      title: late
        ? `Việc quá hạn từ ${formatDate(t.deadline)}`
        : t.deadline === today
          ? 'Việc đến hạn hôm nay'
          : `Việc đến hạn ${formatDate(t.deadline)}`,
      body: docLine(t.document_id),
      documentId: t.document_id,
      draftId: null,
    });
  }
  raw.sort((a, b) => b.at.localeCompare(a.at));
  const seen = localValue(store.sqlite, `notifications.seen:${me}`) ?? '';
  const items = raw.slice(0, LIMIT).map((n) => ({ ...n, unread: n.at > seen }));
  // Told once on this PC (the desktop's OS notification); the first look tells nothing of the past.
  const toldKey = `notifications.told:${me}`;
  const told = localValue(store.sqlite, toldKey);
  const newest = items[0]?.at ?? store.now().toISOString();
  const fresh = told === null ? [] : items.filter((n) => n.at > told).map((n) => ({ title: n.title, body: n.body }));
  if (told === null || newest > told) setLocalValue(store.sqlite, toldKey, told === null ? store.now().toISOString() : newest);
  return { items, unread: items.filter((n) => n.unread).length, fresh };
}

/** Everything up to now is read (on this PC). */
export function markNotificationsRead(store: Store, userId: string): void {
  setLocalValue(store.sqlite, `notifications.seen:${userId}`, store.now().toISOString());
}
