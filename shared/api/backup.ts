// Backup, restore and the full export (admin). Folders are paths on the PC running VănThư.
import { z } from 'zod';

const folder = z.string({ error: 'Chưa chọn thư mục.' }).trim().min(1, { error: 'Chưa chọn thư mục.' }).max(1000);

export const backupStatusOutput = z.object({
  folder: z.string().nullable(),
  enabled: z.boolean(),
  lastGood: z.object({ at: z.string(), path: z.string(), documents: z.number().int() }).nullable(),
  warning: z.string().nullable(),
  running: z.object({ phase: z.string(), done: z.number().int(), total: z.number().int() }).nullable(),
});

export const backupScheduleInput = z.object({ folder: folder.nullable(), enabled: z.boolean() });
export const backupCreateInput = z.object({ dir: folder.optional() });
export const backupCreateOutput = z.object({
  path: z.string(),
  createdAt: z.string(),
  documents: z.number().int(),
  files: z.number().int(),
  bytes: z.number().int(),
  linked: z.number().int(),
  warnings: z.array(z.string()),
});
export const backupPathInput = z.object({ path: folder });
export const backupVerifyOutput = z.object({
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  documents: z.number().int(),
  files: z.number().int(),
  unit: z.object({ name: z.string(), code: z.string() }).nullable(),
});
export const backupRestoreOutput = backupVerifyOutput.extend({ restarting: z.boolean() });
export const exportAllInput = z.object({ dir: folder });
export const exportAllOutput = z.object({ path: z.string(), tables: z.number().int(), rows: z.number().int(), files: z.number().int() });
