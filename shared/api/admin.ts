// First run, login, users and departments.
import { z } from 'zod';
import { ROLES, ROLE_LABELS } from '../domain/enums.js';
import { choice, id, line, optionalText } from './fields.js';

const username = z
  .string({ error: 'Chưa nhập tên đăng nhập.' })
  .transform((s) => s.normalize('NFC').trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(3, { error: 'Tên đăng nhập cần ít nhất 3 ký tự.' })
      .max(40, { error: 'Tên đăng nhập dài quá 40 ký tự.' })
      .regex(/^[a-z0-9._-]+$/, { error: 'Tên đăng nhập chỉ gồm chữ không dấu, số và . _ -' }),
  );

export const newPassword = z
  .string({ error: 'Chưa nhập mật khẩu.' })
  .min(8, { error: 'Mật khẩu cần ít nhất 8 ký tự.' })
  .max(200, { error: 'Mật khẩu dài quá 200 ký tự.' });

export const role = choice('vai trò', ROLES, ROLE_LABELS);

export const setupInitializeInput = z.object({
  unitName: line('tên cơ quan', 200),
  unitCode: line('mã cơ quan', 30),
  adminUsername: username,
  adminPassword: newPassword,
  adminFullName: line('họ và tên', 100),
});

export const loginInput = z.object({
  username: z
    .string({ error: 'Chưa nhập tên đăng nhập.' })
    .max(100)
    .transform((s) => s.normalize('NFC').trim().toLowerCase()),
  password: z.string({ error: 'Chưa nhập mật khẩu.' }).min(1, { error: 'Chưa nhập mật khẩu.' }).max(200),
});

export const userOutput = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  roles: z.array(role),
  departmentId: z.string().nullable(),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
});
export type UserRecord = z.infer<typeof userOutput>;

export const meOutput = userOutput.extend({ unitName: z.string(), unitCode: z.string() });
export type Me = z.infer<typeof meOutput>;

const roles = z.array(role).min(1, { error: 'Chọn ít nhất một vai trò.' }).max(ROLES.length);

export const userCreateInput = z.object({
  username,
  fullName: line('họ và tên', 100),
  password: newPassword,
  roles,
  departmentId: id.nullish(),
});

export const userUpdateInput = z.object({
  id,
  fullName: line('họ và tên', 100).optional(),
  password: newPassword.optional(),
  roles: roles.optional(),
  departmentId: id.nullish(),
  active: z.boolean().optional(),
});

export const departmentOutput = z.object({ id: z.string(), name: z.string(), code: z.string().nullable() });
export type DepartmentRecord = z.infer<typeof departmentOutput>;

export const departmentCreateInput = z.object({ name: line('tên phòng, ban', 200), code: optionalText('ký hiệu', 20) });
export const departmentUpdateInput = z.object({
  id,
  name: line('tên phòng, ban', 200).optional(),
  code: optionalText('ký hiệu', 20).optional(),
});

export const auditVerifyOutput = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  brokenAt: z.number().int().nullable(),
  reason: z.string().nullable(),
});

/** This PC (not the office): whether it is declared off every network (shared/domain/secrecy.ts). */
export const thisPcOutput = z.object({ airGapped: z.boolean(), syncEnrolled: z.boolean() });
export const thisPcInput = z.object({ airGapped: z.boolean({ error: 'Chọn máy này có nối mạng hay không.' }) });
