// A document's history: every step of its handling as an event row (synced like any other
// row, and audited through mutate()).
import { asc, eq } from 'drizzle-orm';
import { canonicalJson } from '../../shared/sync/canonicalJson.js';
import { documentEvents, documents, users } from '../core/schema.js';
import type { Store } from '../core/store.js';
import type { Writer } from '../core/write.js';

/** The steps that hand a document on: its first one is the register's Ngày chuyển. */
const FORWARDS = new Set(['submit', 'assign', 'issue']);

export function recordEvent(w: Writer, documentId: string, action: string, data: Record<string, unknown>): void {
  w.insert(documentEvents, { documentId, at: w.at, userId: w.ctx.userId, action, data: canonicalJson(data) });
  if (FORWARDS.has(action)) {
    const row = w.store.sqlite.prepare('SELECT forwarded_at AS at FROM documents WHERE id = ?').get(documentId) as
      { at: string | null } | undefined;
    if (row && !row.at) w.update(documents, documentId, { forwardedAt: w.at });
  }
}

export interface EventRow {
  id: string;
  at: string;
  userId: string | null;
  userName: string | null;
  action: string;
  data: Record<string, unknown>;
}

export function documentEventsOf(store: Store, documentId: string): EventRow[] {
  return (
    store.db
      .select({
        id: documentEvents.id,
        at: documentEvents.at,
        userId: documentEvents.userId,
        userName: users.fullName,
        action: documentEvents.action,
        data: documentEvents.data,
      })
      .from(documentEvents)
      .leftJoin(users, eq(users.id, documentEvents.userId))
      .where(eq(documentEvents.documentId, documentId))
      // The HLC orders events as they happened, even within one millisecond or across devices.
      .orderBy(asc(documentEvents.hlc))
      .all()
      .map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }))
  );
}
