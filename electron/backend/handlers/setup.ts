// First run, joining an office, logging in and out.
import { AppError } from '../../../shared/api/errors.js';
import { login } from '../../../db/admin/auth.js';
import { hashPassword } from '../../../db/admin/password.js';
import { initialize, isInitialized } from '../../../db/admin/setup.js';
import { newUserKey } from '../../../db/admin/userKeys.js';
import { openSigner } from '../../../db/admin/signers.js';
import { currentUnit, getUserRow, toUserRecord } from '../../../db/admin/users.js';
import { currentPreseed } from '../../config/preseed.js';
import { defineSlice, ok, userOf, type Services } from './types.js';

/** The logged-in user with the office's name and code, as auth.me answers. */
export function meOf(s: Services, userId: string) {
  const unit = currentUnit(s.store);
  return { ...toUserRecord(getUserRow(s.store, userId)), unitName: unit.name, unitCode: unit.code };
}

export function setupHandlers(s: Services) {
  const { store, sessions, sync } = s;
  return defineSlice({
    'setup.status': () => {
      const preseed = currentPreseed(store);
      const office = preseed?.office;
      return {
        initialized: isInitialized(store),
        preset: office ? { unitName: office.name ?? null, unitCode: office.code ?? null } : null,
        join: preseed?.sync ? { url: preseed.sync.serverUrl, code: preseed.sync.enrollmentCode ?? null } : null,
      };
    },
    'setup.initialize': async (input, req) => {
      if (isInitialized(store)) throw new AppError('ALREADY_INITIALIZED', 'Chương trình đã được thiết lập; hãy đăng nhập.');
      const { userId, signer } = initialize(store, {
        unitName: input.unitName,
        unitCode: input.unitCode,
        adminUsername: input.adminUsername,
        adminFullName: input.adminFullName,
        adminPasswordHash: await hashPassword(input.adminPassword),
        adminKey: await newUserKey(input.adminPassword),
      });
      req.setToken(sessions.create(userId, signer).token);
      return meOf(s, userId);
    },
    'setup.join': async (input) => {
      if (isInitialized(store))
        throw new AppError('ALREADY_INITIALIZED', 'Máy này đã được thiết lập; hãy đăng nhập rồi kết nối đồng bộ trong Cài đặt → Đồng bộ.');
      await sync.connect(input);
      const status = await sync.syncNow();
      if (status.lastError) throw new AppError('VALIDATION', status.lastError);
      return { initialized: isInitialized(store), status };
    },

    'auth.login': async (input, req) => {
      if (!isInitialized(store)) throw new AppError('NOT_INITIALIZED', 'Chương trình chưa được thiết lập lần đầu.');
      const userId = await login(store, input.username, input.password);
      const signer = await openSigner(store, userId, input.password);
      if (req.session) sessions.destroy(req.session.token);
      req.setToken(sessions.create(userId, signer).token);
      return meOf(s, userId);
    },
    'auth.logout': (_input, req) => {
      if (req.session) sessions.destroy(req.session.token);
      req.setToken(null);
      return ok;
    },
    'auth.me': (_input, req) => meOf(s, userOf(req).id),
  });
}
