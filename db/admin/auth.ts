// Login with lockout: 5 wrong passwords lock the account for 15 minutes. A try is counted before
// its password is checked, in the same transaction that checks the lock, so tries sent at once
// count as many as they are: no burst gets more than 5 password checks.
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
  if (!user.active) throw new AppError('FORBIDDEN', 'Tài khoản này đã bị ngừng sử dụng; hãy hỏi người quản trị.');

  // The refusals are thrown after each transaction commits: the counted try must be kept.
  const reserved = mutate(store, { userId: null }, (w): AppError | null => {
    const current = getUserRow(store, user.id);
    const now = store.now();
    if (current.lockedUntil && new Date(current.lockedUntil) > now) return lockedError(current.lockedUntil);
    if (current.failedLogins >= MAX_FAILED_LOGINS) {
      // Every allowed try is already being checked: this one is past the limit.
      const until = lockUntil(now);
      w.update(users, user.id, { failedLogins: 0, lockedUntil: until }, 'auth.lock');
      return lockedError(until);
    }
    w.update(users, user.id, { failedLogins: current.failedLogins + 1 }, 'auth.try');
    return null;
  });
  if (reserved) throw reserved;

  const good = await verifyPassword(password, user.passwordHash);
  const outcome = mutate(store, { userId: good ? user.id : null }, (w): string | AppError => {
    const current = getUserRow(store, user.id);
    // Tries past the limit arrived while this one was checked: the burst has locked the account.
    if (current.lockedUntil && new Date(current.lockedUntil) > store.now()) return lockedError(current.lockedUntil);
    if (good) {
      w.update(users, user.id, { failedLogins: 0, lockedUntil: null });
      w.event('auth.login', { username }, user.id, 'users');
      return user.id;
    }
    if (current.failedLogins >= MAX_FAILED_LOGINS) {
      const until = lockUntil(store.now());
      w.update(users, user.id, { failedLogins: 0, lockedUntil: until }, 'auth.lock');
      return lockedError(until);
    }
    w.event('auth.fail', { username }, user.id, 'users');
    const left = MAX_FAILED_LOGINS - current.failedLogins;
    return new AppError('UNAUTHENTICATED', `${WRONG} Còn ${left} lần thử trước khi tài khoản bị khóa ${LOCK_MINUTES} phút.`);
  });
  if (outcome instanceof AppError) throw outcome;
  return outcome;
}

const lockUntil = (now: Date) => new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();

function lockedError(until: string): AppError {
  return new AppError('LOCKED', `Tài khoản tạm khóa vì nhập sai mật khẩu ${MAX_FAILED_LOGINS} lần. Thử lại sau ${formatInstant(until)}.`, {
    details: { lockedUntil: until },
  });
}
