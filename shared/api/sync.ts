// Settings → Đồng bộ: connecting this PC to the office's server, its status, the conflicts list
// (the losing value of a concurrent edit, restorable) and number clashes to resolve.
import { z } from 'zod';

export const syncConnectInput = z.object({
  url: z.string({ error: 'Cần địa chỉ máy chủ đồng bộ.' }).trim().min(1, { error: 'Cần địa chỉ máy chủ đồng bộ.' }).max(500),
  code: z
    .string({ error: 'Cần mã đăng ký.' })
    .trim()
    .min(4, { error: 'Mã đăng ký gồm các nhóm chữ và số do quản trị máy chủ cấp.' })
    .max(64),
  deviceName: z.string().trim().max(200).optional(),
});

export const syncStatusOutput = z.object({
  enrolled: z.boolean(),
  url: z.string().nullable(),
  unitName: z.string().nullable(),
  deviceName: z.string().nullable(),
  running: z.boolean(),
  /** Sync stopped for a reason that needs a person (another server, a server that lost data). */
  stopped: z.boolean(),
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  waiting: z.number().int(),
  /** Changes the server refused for good (unsigned or badly signed authority changes, text it cannot store): kept on this PC, not sent again. */
  setAside: z.number().int(),
  filesWaiting: z.number().int(),
  conflicts: z.number().int(),
  clashes: z.number().int(),
  eagerFiles: z.boolean(),
  /** The token is sealed with the OS keychain (Electron safeStorage), or kept plain (browser mode). */
  tokenProtection: z.enum(['os', 'plain']),
});
export type SyncStatus = z.infer<typeof syncStatusOutput>;

export const syncConflictOutput = z.object({
  id: z.number().int(),
  at: z.string(),
  table: z.string(),
  rowId: z.string(),
  /** What the row is, in words: "Văn bản đến số 12/2026 — V/v …". */
  rowLabel: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  lostValue: z.unknown(),
  keptValue: z.unknown(),
  lostAt: z.string(),
  keptAt: z.string(),
});
export type SyncConflict = z.infer<typeof syncConflictOutput>;

export const syncClashOutput = z.object({
  bookId: z.string(),
  bookName: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  documents: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['incoming', 'outgoing']),
      code: z.string(),
      summary: z.string(),
      receivedDate: z.string(),
      agencyName: z.string(),
    }),
  ),
});
export type SyncClash = z.infer<typeof syncClashOutput>;

export const syncSettingsInput = z.object({ eagerFiles: z.boolean() });
export const conflictIdInput = z.object({ id: z.number().int() });
export const renumberInput = z.object({ id: z.string().min(1) });
export const renumberOutput = z.object({ id: z.string(), number: z.number().int(), code: z.string() });
