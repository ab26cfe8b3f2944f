// Who leads, who coordinates and by when, as the office did for the documents most like this one
// — the leader's direction form starts from it; nothing is given out until he presses Giao việc.
import { assigneeValue, type RoutingSuggestion } from '../../shared/api/suggestions.js';
import { choose, explain, supportersOf } from '../../shared/domain/likeness.js';
import { officeDate } from '../../shared/text/dates.js';
import { stmt } from '../core/statements.js';
import type { Store } from '../core/store.js';
import { workCalendar } from '../admin/calendar.js';
import { statusOf } from '../handling/state.js';
import { pastLike, subjectOf, type PastDocument } from './alike.js';

const NO_HISTORY = 'Chưa có văn bản trước giống văn bản này đã được giao việc — chưa có đề xuất.';
/** A phối hợp is suggested when most of the evidence for the lead had it too. */
const COORDINATE_SHARE = 0.5;

interface TaskRow {
  document_id: string;
  role: 'chu_tri' | 'phoi_hop';
  user_id: string | null;
  department_id: string | null;
  deadline: string | null;
}

const keyOf = (t: TaskRow) => assigneeValue({ userId: t.user_id, departmentId: t.department_id });

/** Names of the people and departments one may still give work to; others are left out. */
function assignable(store: Store, keys: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const key of keys) {
    const [kind, id] = key.split(':') as ['u' | 'd', string];
    const row = stmt(
      store.sqlite,
      kind === 'u'
        ? 'SELECT full_name AS name FROM users WHERE id = ? AND active = 1 AND deleted_at IS NULL'
        : 'SELECT name FROM departments WHERE id = ? AND deleted_at IS NULL',
    ).get(id) as { name: string } | undefined;
    if (row) out.set(key, row.name);
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
}

export function suggestRouting(store: Store, documentId: string): RoutingSuggestion {
  statusOf(store, documentId);
  const subject = subjectOf(store, documentId)!;
  const past = pastLike(store, subject, 'routed');
  const tasks = stmt(
    store.sqlite,
    `SELECT document_id, role, user_id, department_id, deadline FROM tasks
     WHERE document_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL AND role IN ('chu_tri', 'phoi_hop')`,
  ).all(JSON.stringify(past.candidates.map((c) => c.item.id))) as TaskRow[];
  const byDoc = new Map<string, TaskRow[]>();
  for (const t of tasks) byDoc.set(t.document_id, [...(byDoc.get(t.document_id) ?? []), t]);
  const of = (d: PastDocument, role: TaskRow['role']) => (byDoc.get(d.id) ?? []).filter((t) => t.role === role);
  const leadOf = (d: PastDocument) => of(d, 'chu_tri').map(keyOf);

  const names = assignable(store, new Set(tasks.map(keyOf)));
  const facts = { ...past.profile, agencyName: subject.agencyName, code: subject.code };
  const leads = choose(past.profile, past.candidates, past.idf, leadOf).filter((c) => names.has(c.key));
  const lead = leads.slice(0, 3).map((c) => ({
    value: c.key,
    label: names.get(c.key)!,
    support: c.supporters,
    share: c.share,
    reason: explain(facts, c),
  }));
  if (lead.length === 0) return { basis: 0, lead: [], coordinate: [], deadline: null, reason: NO_HISTORY };

  const top = leads[0]!;
  // Phối hợp and days as the office gave them along with this lead.
  const withLead = past.candidates.filter((c) => leadOf(c.item).includes(top.key));
  const coordinate = choose(past.profile, withLead, past.idf, (d) => of(d, 'phoi_hop').map(keyOf))
    .filter((c) => c.key !== top.key && names.has(c.key) && c.share >= COORDINATE_SHARE)
    .slice(0, 3)
    .map((c) => ({ value: c.key, label: names.get(c.key)!, support: c.supporters }));

  const calendar = workCalendar(store);
  const supporters = supportersOf(past.candidates, top, leadOf);
  const days = supporters.flatMap((d) => {
    const due = of(d, 'chu_tri').find((t) => t.deadline)?.deadline;
    // Counted from the working day a document counts as received (a Saturday's on Monday), as
    // addWorkingDays gives the deadline back: 10 days given stay 10 days suggested.
    return due ? [Math.max(0, calendar.workingDaysUntil(calendar.addWorkingDays(d.receivedDate, 0), due))] : [];
  });
  let deadline: RoutingSuggestion['deadline'] = null;
  if (days.length > 0 && days.length * 2 >= supporters.length) {
    const workingDays = median(days);
    const today = officeDate(store.now());
    // Counted from receipt, as the office did; a document already late gets the days from today.
    const byReceipt = calendar.addWorkingDays(subject.receivedDate, workingDays);
    deadline = { date: byReceipt >= today ? byReceipt : calendar.addWorkingDays(today, workingDays), workingDays, support: days.length };
  }
  return { basis: top.supporters, lead, coordinate, deadline, reason: lead[0]!.reason };
}
