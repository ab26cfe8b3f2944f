// The office's people, departments and settings (Quản trị), and the audit check.
import { verifyAudit } from '../../../db/core/audit.js';
import { getOfficeSettings, saveOfficeSettings } from '../../../db/admin/officeSettings.js';
import { hashPassword } from '../../../db/admin/password.js';
import { newUserKey } from '../../../db/admin/userKeys.js';
import {
  createDepartment,
  createUser,
  deleteDepartment,
  listDepartments,
  listUsers,
  updateDepartment,
  updateUser,
} from '../../../db/admin/users.js';
import { getSymbolSettings, saveSymbolSettings } from '../../../db/outgoing/symbolSettings.js';
import { isAirGapped, setAirGapped } from '../../../db/secrets/airGap.js';
import { AppError } from '../../../shared/api/errors.js';
import { defineSlice, ok, type Services } from './types.js';

export function adminHandlers({ store, sessions, sync }: Services) {
  const thisPc = () => ({ airGapped: isAirGapped(store), syncEnrolled: sync.config !== null });
  return defineSlice({
    'pc.get': () => thisPc(),
    'pc.setAirGapped': (input, req) => {
      // Declared off the network while still enrolled would leave a token to a server on a PC that keeps secrets.
      if (input.airGapped && sync.config !== null) {
        throw new AppError(
          'CONFLICT',
          'Máy này đang kết nối máy chủ đồng bộ. Hãy ngắt đồng bộ (Đồng bộ → Ngắt kết nối) trước khi khai báo máy không nối mạng.',
          {
            field: 'airGapped',
          },
        );
      }
      setAirGapped(store, req.write, input.airGapped);
      return thisPc();
    },
    'users.list': () => listUsers(store),
    'users.create': async (input, req) =>
      createUser(store, req.write, {
        username: input.username,
        fullName: input.fullName,
        passwordHash: await hashPassword(input.password),
        key: await newUserKey(input.password),
        roles: input.roles,
        departmentId: input.departmentId,
      }),
    'users.update': async (input, req) => {
      const user = updateUser(store, req.write, {
        id: input.id,
        fullName: input.fullName,
        passwordHash: input.password ? await hashPassword(input.password) : undefined,
        key: input.password ? await newUserKey(input.password) : undefined,
        roles: input.roles,
        departmentId: input.departmentId,
        active: input.active,
      });
      if (!user.active || input.password) sessions.destroyUser(user.id);
      return user;
    },
    'users.directory': () =>
      listUsers(store)
        .filter((u) => u.active)
        .map((u) => ({ id: u.id, fullName: u.fullName, roles: u.roles, departmentId: u.departmentId })),

    'departments.list': () => listDepartments(store),
    'departments.create': (input, req) => createDepartment(store, req.write, input),
    'departments.update': (input, req) => updateDepartment(store, req.write, input),
    'departments.delete': (input, req) => {
      deleteDepartment(store, req.write, input.id);
      return ok;
    },

    'settings.symbols': () => getSymbolSettings(store),
    'settings.saveSymbols': (input, req) => saveSymbolSettings(store, req.write, input),
    'settings.office': () => getOfficeSettings(store),
    'settings.saveOffice': (input, req) => saveOfficeSettings(store, req.write, input),

    'audit.verify': () => verifyAudit(store.sqlite),
  });
}
