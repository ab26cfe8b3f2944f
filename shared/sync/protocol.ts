// The sync protocol between a desktop and the central endpoint (server/): what travels over
// HTTP, checked with zod on both sides. A change is an outbox row: change id, HLC, table, row
// id and the changed columns (SQL names) with their values.
import { z } from 'zod';

import { isHlc } from './hlc.js';

export { HLC_PATTERN } from './hlc.js';

/** A change's HLC may run at most this far ahead of the server's clock. */
export const MAX_CLOCK_AHEAD_MS = 10 * 60 * 1000;

/** The tables a desktop shares with its office; anything else is refused. */
export const SYNCED_TABLES = [
  'units',
  'departments',
  'users',
  'agencies',
  'doc_types',
  'register_books',
  'documents',
  'outgoing_drafts',
  'document_links',
  'attachments',
  'tasks',
  'document_events',
  'settings',
  'catalogue_headings',
  'catalogue_entries',
  'dossiers',
  'dossier_items',
  'exchange_messages',
  'access_log',
  'saved_searches',
] as const;
export type SyncedTableName = (typeof SYNCED_TABLES)[number];

/** Rows keyed by something other than a UUIDv7 (settings by their key) are per unit, not global. */
export const UNIT_KEYED_TABLES: ReadonlySet<string> = new Set(['settings']);

const fieldValue = z.union([z.string().max(1_000_000), z.number(), z.boolean(), z.null()]);

export const changeSchema = z.object({
  changeId: z.string().regex(/^[0-9A-Za-z-]{8,64}$/),
  hlc: z.string().refine(isHlc, { error: 'Mốc thời gian (HLC) của thay đổi không hợp lệ.' }),
  table: z.enum(SYNCED_TABLES),
  // UUIDs, or a setting's key.
  rowId: z.string().regex(/^[\w.:-]{1,200}$/),
  fields: z.record(z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/), fieldValue),
  /** For the authority tables (shared/sync/authority.ts): the signing user and his Ed25519 signature. */
  signedBy: z.string().max(64).nullish(),
  signature: z.string().max(200).nullish(),
});
export type Change = z.infer<typeof changeSchema>;

export const pushRequestSchema = z.object({ changes: z.array(changeSchema).min(1).max(10_000) });
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** Two documents of one book and year with the same number: both kept, the later one flagged. */
export const clashSchema = z.object({
  documentId: z.string(),
  holderId: z.string(),
  bookId: z.string(),
  year: z.number(),
  number: z.number(),
});
export type Clash = z.infer<typeof clashSchema>;

export const pushResponseSchema = z.object({
  /** Every change id of the batch the server now holds (new or sent before). */
  held: z.array(z.string()),
  /** Changes of the batch the server will never accept (unsigned, badly signed, bad text): set aside, not retried. */
  refused: z.array(z.object({ changeId: z.string(), reason: z.string() })).default([]),
  clashes: z.array(clashSchema),
  serverId: z.string(),
  maxSeq: z.number(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export interface PulledChange {
  seq: number;
  changeId: string;
  deviceId: string;
  hlc: string;
  table: string;
  rowId: string;
  fields: Record<string, string | number | boolean | null>;
  signedBy?: string | null;
  signature?: string | null;
}

const isPrimitive = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * What comes down was checked when it went up; here its shape is checked by hand (a page holds
 * thousands of changes and a schema walk cost more than applying them). Column names are
 * checked again against the local schema when applied.
 */
const pulledChange = z.custom<PulledChange>((v) => {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  if (
    typeof c.seq !== 'number' ||
    typeof c.changeId !== 'string' ||
    typeof c.deviceId !== 'string' ||
    typeof c.table !== 'string' ||
    typeof c.rowId !== 'string'
  )
    return false;
  // A stamp that is no real instant is set aside when applied (db/sync/apply.ts), not here: a page
  // refused whole would be asked for again forever.
  if (typeof c.hlc !== 'string') return false;
  for (const k of ['signedBy', 'signature'] as const) if (c[k] !== undefined && c[k] !== null && typeof c[k] !== 'string') return false;
  if (typeof c.fields !== 'object' || c.fields === null || Array.isArray(c.fields)) return false;
  for (const value of Object.values(c.fields)) if (!isPrimitive(value)) return false;
  return true;
}, 'a change of the sync protocol');

export const pullResponseSchema = z.object({
  changes: z.array(pulledChange),
  /** The cursor to send next time: past every change this page looked at, the device's own too. */
  next: z.number().int(),
  more: z.boolean(),
  /** The unit's newest sequence number: a cursor above it means the server lost data. */
  maxSeq: z.number().int(),
  serverId: z.string(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const enrollRequestSchema = z.object({
  code: z.string().min(4).max(64),
  deviceName: z.string().min(1).max(200),
  /** The desktop already holds an office's data (only the unit's first device may). */
  hasData: z.boolean().default(false),
  /** The device part of every HLC this desktop stamps: the server refuses changes stamped by another clock. */
  clockId: z
    .string()
    .regex(/^[0-9a-f]{1,64}$/)
    .optional(),
});
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const enrollResponseSchema = z.object({
  deviceId: z.string(),
  token: z.string(),
  unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  /** The unit's pinned root key (its first admin's), null until its first device has pushed it. */
  rootKey: z.string().nullable().default(null),
  serverId: z.string(),
  maxSeq: z.number().int(),
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  serverId: z.string(),
  version: z.string(),
  database: z.enum(['pglite', 'postgres']),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

export const SYNC_ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'TOO_LARGE',
  'CLOCK_SKEW',
  'HASH_MISMATCH',
  'ENROLL_CODE',
  'UNIT_HAS_DATA',
  'INTERNAL',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];
export const syncErrorSchema = z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() });
