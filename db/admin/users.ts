// People and departments of the unit. Only the admin changes them (the backend checks).
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { UserRecord, DepartmentRecord } from '../../shared/api/admin.js';
import { AppError } from '../../shared/api/errors.js';
import type { Role } from '../../shared/domain/enums.js';
import { departments, units, users } from '../core/schema.js';
import type { Store } from '../core/store.js';
import { mutate, type WriteContext } from '../core/write.js';

type UserRow = typeof users.$inferSelect;

export function toUserRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    roles: JSON.parse(row.roles) as Role[],
    departmentId: row.departmentId,
    active: row.active,
    lockedUntil: row.lockedUntil,
  };
}

export function findUserByUsername(store: Store, username: string): UserRow | undefined {
  return store.db
    .select()
    .from(users)
    .where(and(eq(users.username, username), isNull(users.deletedAt)))
    .get();
}

export function getUserRow(store: Store, id: string): UserRow {
  const row = store.db.select().from(users).where(eq(users.id, id)).get();
  if (!row || row.deletedAt) throw new AppError('NOT_FOUND', 'Không tìm thấy người dùng.');
  return row;
}

export function currentUnit(store: Store): typeof units.$inferSelect {
  // The units taken over in a reorganisation have a successor; the office is the one without.
  const unit = store.db
    .select()
    .from(units)
    .where(and(isNull(units.deletedAt), isNull(units.successorId)))
    .orderBy(asc(units.createdAt))
    .get();
  if (!unit) throw new AppError('NOT_INITIALIZED', 'Chương trình chưa được thiết lập lần đầu.');
  return unit;
}

export function listUsers(store: Store): UserRecord[] {
  return store.db.select().from(users).where(isNull(users.deletedAt)).orderBy(asc(users.username)).all().map(toUserRecord);
}

function checkDepartment(store: Store, departmentId: string | null | undefined): void {
  if (!departmentId) return;
  const dep = store.db.select().from(departments).where(eq(departments.id, departmentId)).get();
  if (!dep || dep.deletedAt) throw new AppError('VALIDATION', 'Phòng, ban đã chọn không còn tồn tại.', { field: 'departmentId' });
}

export function createUser(
  store: Store,
  ctx: WriteContext,
  input: {
    username: string;
    fullName: string;
    passwordHash: string;
    /** His signing key, made with the password (db/admin/userKeys.ts). */
    key: { publicKey: string; sealedKey: string };
    roles: Role[];
    departmentId?: string | null | undefined;
  },
): UserRecord {
  return mutate(store, ctx, (w) => {
    if (findUserByUsername(store, input.username)) {
      throw new AppError('CONFLICT', `Tên đăng nhập “${input.username}” đã có người dùng.`, { field: 'username' });
    }
    checkDepartment(store, input.departmentId);
    const id = w.insert(users, {
      unitId: currentUnit(store).id,
      username: input.username,
      fullName: input.fullName,
      passwordHash: input.passwordHash,
      publicKey: input.key.publicKey,
      sealedKey: input.key.sealedKey,
      roles: JSON.stringify([...new Set(input.roles)]),
      departmentId: input.departmentId ?? null,
      active: true,
      failedLogins: 0,
      lockedUntil: null,
    });
    return toUserRecord(getUserRow(store, id));
  });
}

export function updateUser(
  store: Store,
  ctx: WriteContext,
  input: {
    id: string;
    fullName?: string | undefined;
    passwordHash?: string | undefined;
    /** A new password comes with a new key sealed by it. */
    key?: { publicKey: string; sealedKey: string } | undefined;
    roles?: Role[] | undefined;
    departmentId?: string | null | undefined;
    active?: boolean | undefined;
  },
): UserRecord {
  return mutate(store, ctx, (w) => {
    const row = getUserRow(store, input.id);
    if (input.id === ctx.userId && (input.active === false || (input.roles && !input.roles.includes('admin')))) {
      throw new AppError('VALIDATION', 'Không thể tự khóa hoặc bỏ quyền quản trị của chính mình.', { field: 'roles' });
    }
    checkDepartment(store, input.departmentId);
    w.update(users, row.id, {
      fullName: input.fullName,
      passwordHash: input.passwordHash,
      publicKey: input.key?.publicKey,
      sealedKey: input.key?.sealedKey,
      roles: input.roles ? JSON.stringify([...new Set(input.roles)]) : undefined,
      departmentId: input.departmentId,
      active: input.active,
      // A new password or an admin's save also lifts a lockout.
      ...(input.passwordHash || input.active ? { failedLogins: 0, lockedUntil: null } : {}),
    });
    return toUserRecord(getUserRow(store, row.id));
  });
}

function toDepartment(row: typeof departments.$inferSelect): DepartmentRecord {
  return { id: row.id, name: row.name, code: row.code };
}

export function listDepartments(store: Store): DepartmentRecord[] {
  return store.db.select().from(departments).where(isNull(departments.deletedAt)).orderBy(asc(departments.name)).all().map(toDepartment);
}

function getDepartmentRow(store: Store, id: string): typeof departments.$inferSelect {
  const row = store.db.select().from(departments).where(eq(departments.id, id)).get();
  if (!row || row.deletedAt) throw new AppError('NOT_FOUND', 'Không tìm thấy phòng, ban.');
  return row;
}

export function createDepartment(store: Store, ctx: WriteContext, input: { name: string; code: string | null }): DepartmentRecord {
  return mutate(store, ctx, (w) => {
    const id = w.insert(departments, { unitId: currentUnit(store).id, name: input.name, code: input.code });
    return toDepartment(getDepartmentRow(store, id));
  });
}

export function updateDepartment(
  store: Store,
  ctx: WriteContext,
  input: { id: string; name?: string | undefined; code?: string | null | undefined },
): DepartmentRecord {
  return mutate(store, ctx, (w) => {
    getDepartmentRow(store, input.id);
    w.update(departments, input.id, { name: input.name, code: input.code });
    return toDepartment(getDepartmentRow(store, input.id));
  });
}

export function deleteDepartment(store: Store, ctx: WriteContext, id: string): void {
  mutate(store, ctx, (w) => {
    getDepartmentRow(store, id);
    const members = store.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.departmentId, id), isNull(users.deletedAt)))
      .all();
    if (members.length > 0) {
      throw new AppError('CONFLICT', `Phòng, ban này còn ${members.length} người dùng; hãy chuyển họ sang phòng khác trước khi xóa.`);
    }
    w.tombstone(departments, id);
  });
}
