// Login with lockout: 5 wrong passwords in a row lock the account for 15 minutes.
import { AppError } from '../../shared/api/errors.js';
import { formatInstant } from '../../shared/text/dates.js';
import { DUMMY_HASH, verifyPassword } from './password.js';
import { users } from '../core/schema.js';
import type { Store } from '../core/store.js';
import { findUserByUsername, getUserRow } from './users.js';
import { mutate } from '../core/write.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const WRONG = 'Sai tên đăng nhập hoặc mật khẩu.';

/** Checks the password and returns the user's id; every outcome is audited. */
export async function login(store: Store, username: string, password: string): Promise<string> {
  const user = findUserByUsername(store, username);
  if (!user) {
    await verifyPassword(password, DUMMY_HASH);
    mutate(store, { userId: null }, (w) => w.event('auth.fail', { username, reason: 'unknown user' }));
    throw new AppError('UNAUTHENTICATED', WRONG);
  }
  const now = store.now();
  if (user.lockedUntil && new Date(user.lockedUntil) > now) throw lockedError(user.lockedUntil);
  if (!user.active) throw new AppError('FORBIDDEN', 'Tài khoản này đã bị ngừng sử dụng; hãy hỏi người quản trị.');

  const good = await verifyPassword(password, user.passwordHash);
  // The failed attempt must be kept, so the refusal is thrown after the transaction commits.
  const outcome = mutate(store, { userId: good ? user.id : null }, (w): string | AppError => {
    const current = getUserRow(store, user.id); // re-read inside the transaction: attempts may race
    if (good) {
      w.update(users, user.id, { failedLogins: 0, lockedUntil: null });
      w.event('auth.login', { username }, user.id, 'users');
      return user.id;
    }
    const failed = current.failedLogins + 1;
    if (failed >= MAX_FAILED_LOGINS) {
      const until = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
      w.update(users, user.id, { failedLogins: 0, lockedUntil: until }, 'auth.lock');
      return lockedError(until);
    }
    w.update(users, user.id, { failedLogins: failed }, 'auth.fail');
    const left = MAX_FAILED_LOGINS - failed;
    return new AppError('UNAUTHENTICATED', `${WRONG} Còn ${left} lần thử trước khi tài khoản bị khóa ${LOCK_MINUTES} phút.`);
  });
  if (outcome instanceof AppError) throw outcome;
  return outcome;
}

function lockedError(until: string): AppError {
  return new AppError('LOCKED', `Tài khoản tạm khóa vì nhập sai mật khẩu ${MAX_FAILED_LOGINS} lần. Thử lại sau ${formatInstant(until)}.`, {
    details: { lockedUntil: until },
  });
}
