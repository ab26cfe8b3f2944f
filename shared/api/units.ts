// The office and the units it took over in a reorganisation (shared/domain/reform.ts).
import { z } from 'zod';
import { REFORM_KINDS, REFORM_LABELS } from '../domain/reform.js';
import { ROLES } from '../domain/enums.js';
import { organId } from './exchange.js';
import { choice, id, isoDate, line } from './fields.js';

export const unitOutput = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  /** The office itself (the one unit without a successor). */
  current: z.boolean(),
  successorId: z.string().nullable(),
  endedOn: z.string().nullable(),
  reform: z.enum(REFORM_KINDS).nullable(),
  organId: z.string().nullable(),
  /** "Phòng GD&ĐT huyện … (giải thể từ 01/07/2025)" for a former unit, the name for the office. */
  label: z.string(),
});

const officeFields = {
  name: line('tên cơ quan', 200),
  code: line('mã cơ quan', 30),
  organId: organId.nullable().optional(),
};
export const officeUpdateInput = z.object(officeFields);

const folder = z
  .string({ error: 'Chưa chọn thư mục bản sao lưu của đơn vị cũ.' })
  .trim()
  .min(1, { error: 'Chưa chọn thư mục bản sao lưu của đơn vị cũ.' })
  .max(1000);
export const takeOverInspectInput = z.object({ path: folder });
export const takeOverInspectOutput = z.object({
  createdAt: z.string(),
  unit: z.object({ id: z.string(), code: z.string(), name: z.string(), organId: z.string().nullable() }),
  predecessors: z.number().int(),
  documents: z.number().int(),
  secretDocuments: z.number().int(),
  books: z.number().int(),
  dossiers: z.number().int(),
  openTasks: z.number().int(),
  users: z.array(
    z.object({ id: z.string(), username: z.string(), fullName: z.string(), roles: z.array(z.enum(ROLES)), active: z.boolean() }),
  ),
});

export const takeOverInput = z.object({
  path: folder,
  kind: choice('hình thức tổ chức lại', REFORM_KINDS, REFORM_LABELS),
  effectiveDate: isoDate('ngày hiệu lực'),
  movingUserIds: z.array(id).max(10_000).optional(),
  office: z.object({ name: officeFields.name.optional(), code: officeFields.code.optional(), organId: officeFields.organId }).optional(),
});
export const takeOverOutput = z.object({
  unit: z.object({ id: z.string(), code: z.string(), name: z.string(), organId: z.string().nullable() }),
  rows: z.record(z.string(), z.number().int()),
  moved: z.array(z.string()),
  renamed: z.array(z.object({ from: z.string(), to: z.string() })),
  tasksToReassign: z.number().int(),
});
export const takeOverProgressOutput = z.object({
  running: z.boolean(),
  phase: z.enum(['files', 'rows']).nullable(),
  done: z.number().int(),
  total: z.number().int(),
  error: z.string().nullable(),
});
