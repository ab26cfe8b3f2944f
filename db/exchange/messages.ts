// The exchange's records (#18): each edXML message in or out, the inbox a clerk registers from,
// and the statuses each recipient sent back — all through mutate().
import { and, desc, eq, gte, isNull, lt, type SQL } from 'drizzle-orm';
import { AppError } from '../../shared/api/errors.js';
import type { ExchangeHeader, ExchangeMessage } from '../../shared/api/exchange.js';
import { ORGAN_ID_SETTING } from '../../shared/sync/exchangeRelay.js';
import { exchangeMessages } from '../core/schema.js';
import { readSetting } from '../core/settings.js';
import type { Store } from '../core/store.js';
import type { Writer } from '../core/write.js';

type Row = typeof exchangeMessages.$inferSelect;
export type NewMessage = Omit<
  typeof exchangeMessages.$inferInsert,
  'id' | 'hlc' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'header' | 'attachments'
> & {
  /** A message that came with an id (the relay's, the axis's) keeps it: another PC taking it too finds it known. */
  id?: string | undefined;
  header?: ExchangeHeader | null;
  attachments?: ExchangeMessage['attachments'];
};

export function organIdOf(store: Store): string | null {
  const v = readSetting<unknown>(store, ORGAN_ID_SETTING, null);
  return typeof v === 'string' && v ? v : null;
}

function parsed<T>(json: string | null, fallback: T): T {
  if (!json) return fallback;
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

export function toMessage(r: Row): ExchangeMessage {
  return {
    id: r.id,
    direction: r.direction,
    kind: r.kind,
    state: r.state as ExchangeMessage['state'],
    transport: r.transport,
    edxmlId: r.edxmlId,
    documentId: r.documentId,
    peerOrganId: r.peerOrganId,
    peerName: r.peerName,
    business: (r.business as ExchangeMessage['business']) ?? null,
    statusCode: (r.statusCode as ExchangeMessage['statusCode']) ?? null,
    description: r.description,
    error: r.error,
    fileName: r.fileName,
    size: r.size,
    at: r.at,
    sentAt: r.sentAt,
    metadataOnly: r.metadataOnly,
    header: parsed<ExchangeHeader | null>(r.header, null),
    attachments: parsed<ExchangeMessage['attachments']>(r.attachments, []),
  };
}

export function insertMessage(w: Writer, m: NewMessage): string {
  const { header, attachments, ...rest } = m;
  return w.insert(exchangeMessages, {
    ...rest,
    header: header ? JSON.stringify(header) : null,
    attachments: JSON.stringify(attachments ?? []),
  });
}

export function messageRow(store: Store, id: string): Row {
  const row = store.db.select().from(exchangeMessages).where(eq(exchangeMessages.id, id)).get();
  if (!row || row.deletedAt) throw new AppError('NOT_FOUND', 'Không tìm thấy gói tin liên thông.');
  return row;
}

export function getMessage(store: Store, id: string): ExchangeMessage {
  return toMessage(messageRow(store, id));
}

export function hasMessage(store: Store, id: string): boolean {
  return !!store.db.select({ id: exchangeMessages.id }).from(exchangeMessages).where(eq(exchangeMessages.id, id)).get();
}

export function listMessages(
  store: Store,
  q: {
    direction?: 'in' | 'out' | undefined;
    kind?: 'package' | 'status' | undefined;
    state?: ExchangeMessage['state'] | undefined;
    documentId?: string | undefined;
    /** Instants: at or after `since`, before `before`. */
    since?: string | undefined;
    before?: string | undefined;
    limit: number;
  },
): ExchangeMessage[] {
  const where: SQL[] = [isNull(exchangeMessages.deletedAt)];
  if (q.since) where.push(gte(exchangeMessages.at, q.since));
  if (q.before) where.push(lt(exchangeMessages.at, q.before));
  if (q.direction) where.push(eq(exchangeMessages.direction, q.direction));
  if (q.kind) where.push(eq(exchangeMessages.kind, q.kind));
  if (q.state) where.push(eq(exchangeMessages.state, q.state));
  if (q.documentId) where.push(eq(exchangeMessages.documentId, q.documentId));
  return store.db
    .select()
    .from(exchangeMessages)
    .where(and(...where))
    .orderBy(desc(exchangeMessages.at), desc(exchangeMessages.id))
    .limit(q.limit)
    .all()
    .map(toMessage);
}

function packagesWith(store: Store, edxmlId: string, direction: 'in' | 'out'): Row[] {
  return store.db
    .select()
    .from(exchangeMessages)
    .where(
      and(
        eq(exchangeMessages.edxmlId, edxmlId),
        eq(exchangeMessages.direction, direction),
        eq(exchangeMessages.kind, 'package'),
        isNull(exchangeMessages.deletedAt),
      ),
    )
    .all();
}

/** A package received before with this DocumentId, still standing (not refused, not failed). */
export function receivedBefore(store: Store, edxmlId: string): Row | undefined {
  return packagesWith(store, edxmlId, 'in').find((r) => r.state === 'moi' || r.state === 'da_vao_so');
}

/** The packages this office sent with this DocumentId (one per recipient). */
export function sentPackages(store: Store, edxmlId: string): Row[] {
  return packagesWith(store, edxmlId, 'out');
}

/** Messages waiting to go, oldest first. */
export function queued(store: Store, limit = 100): Row[] {
  return store.db
    .select()
    .from(exchangeMessages)
    .where(and(eq(exchangeMessages.direction, 'out'), eq(exchangeMessages.state, 'cho_gui'), isNull(exchangeMessages.deletedAt)))
    .orderBy(exchangeMessages.at, exchangeMessages.id)
    .limit(limit)
    .all();
}

export interface Receipt {
  documentId: string;
  organId: string;
  name: string | null;
  sentAt: string | null;
  state: ExchangeMessage['state'];
  error: string | null;
  statusCode: ExchangeMessage['statusCode'];
  statusAt: string | null;
  description: string | null;
}

/**
 * Per outgoing document and recipient organ: the package sent (its state) and the latest status
 * that came back — an edXML Timestamp counts seconds, so of two in one second the later step wins.
 */
export function receiptsFor(store: Store, documentIds: string[]): Receipt[] {
  if (documentIds.length === 0) return [];
  const out: Receipt[] = [];
  for (let i = 0; i < documentIds.length; i += 500) {
    const ids = documentIds.slice(i, i + 500);
    const rows = store.sqlite
      .prepare(
        `SELECT m.document_id AS documentId, m.peer_organ_id AS organId, m.peer_name AS name, m.sent_at AS sentAt, m.state, m.error,
                s.status_code AS statusCode, s.at AS statusAt, s.description
         FROM exchange_messages m
         LEFT JOIN exchange_messages s ON s.id = (
           SELECT x.id FROM exchange_messages x
           WHERE x.direction = 'in' AND x.kind = 'status' AND x.document_id = m.document_id AND x.peer_organ_id = m.peer_organ_id AND x.deleted_at IS NULL
           ORDER BY x.at DESC, x.status_code DESC LIMIT 1)
         WHERE m.direction = 'out' AND m.kind = 'package' AND COALESCE(m.business, 'new') <> 'revoke' AND m.deleted_at IS NULL
           AND m.document_id IN (${ids.map(() => '?').join(',')})
         ORDER BY m.at, m.id`,
      )
      .all(...ids) as Receipt[];
    const seen = new Set<string>();
    for (const r of rows) {
      const key = `${r.documentId} ${r.organId}`;
      if (seen.has(key)) continue; // sent again (an update): the first package names the recipient
      seen.add(key);
      out.push(r);
    }
  }
  return out;
}
