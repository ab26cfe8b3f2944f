// Sổ theo dõi giải quyết văn bản đến: every incoming document with who handles it and how far.
import type { DocumentRecord } from '../../shared/api/documents.js';
import type { FollowUpList } from '../../shared/api/handling.js';
import { INCOMING_STATUS_LABELS, TASK_ROLE_LABELS } from '../../shared/domain/workflow.js';
import { listDocuments } from '../documents/documentRows.js';
import type { Store } from '../core/store.js';
import { handlingOf } from '../handling/taskReads.js';
import { shownRecords, type Reader } from '../secrets/secretAccess.js';

export function followUp(
  store: Store,
  reader: Reader,
  input: { year?: number | undefined; limit: number; cursor?: string | null | undefined },
): FollowUpList {
  const page = listDocuments(store, { kind: 'incoming', year: input.year, limit: input.limit, cursor: input.cursor });
  const shown = shownRecords(store, reader, page.items, 'incoming.followUp');
  return { nextCursor: page.nextCursor, items: shown.map((d) => followUpRow(store, d)) };
}

/** One line of the follow-up register for an incoming document. */
export function followUpRow(store: Store, d: DocumentRecord): FollowUpList['items'][number] {
  const h = handlingOf(store, d.id);
  // A masked secret document: its number and who handles it, not how (results are content).
  if (d.masked) h.tasks = h.tasks.map((t) => ({ ...t, progress: null, result: null }));
  const lead = h.tasks.find((t) => t.role === 'chu_tri');
  const handlers = h.tasks
    .filter((t) => t.role !== 'de_biet')
    .map((t) => `${TASK_ROLE_LABELS[t.role]}: ${t.userName ?? t.departmentName ?? ''}`)
    .join('; ');
  const progress = d.cancelled
    ? 'Đã hủy'
    : lead?.status === 'hoan_thanh'
      ? `Hoàn thành${lead.result ? `: ${lead.result}` : ''}`
      : lead?.progress
        ? `${INCOMING_STATUS_LABELS[h.status]}: ${lead.progress}`
        : INCOMING_STATUS_LABELS[h.status];
  return {
    id: d.id,
    number: d.number,
    year: d.year,
    code: d.code,
    issuedDate: d.issuedDate,
    agencyName: d.agencyName,
    typeName: d.typeName,
    summary: d.summary,
    handlers: handlers || d.recipient || '',
    deadline: lead?.deadline ?? d.deadline,
    status: h.status,
    progress,
    replyCode: h.replyCode,
    overdue: h.overdue || (lead?.overdue ?? false),
    notes: d.notes,
  };
}
