// Login with lockout: 5 wrong passwords lock the account for 15 minutes. A try is counted before
// its password is checked (in memory: the tries being checked right now on this PC), so tries
// sent at once count as many as they are — no burst gets more than 5 password checks — and a
// good login writes nothing but its reset.
import { AppError } from '../../shared/api/errors.js';
import { DUMMY_HASH, verifyPassword } from './password.js';
import { users } from '../core/schema.js';
import type { Store } from '../core/store.js';
import { findUserByUsername, getUserRow } from './users.js';
import { mutate } from '../core/write.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

/**
 * One answer for every refusal — unknown user, wrong password, locked account — each after a
 * password check's time, so the answer tells an outsider nothing about which accounts exist or
 * are locked (#14 finding 9). Only the right password learns that its account was stopped.
 */
const REFUSED = `Sai tên đăng nhập hoặc mật khẩu. Sau ${MAX_FAILED_LOGINS} lần sai liên tiếp, tài khoản tạm khóa ${LOCK_MINUTES} phút.`;
const refused = () => new AppError('UNAUTHENTICATED', REFUSED);

/** Checks the password and returns the user's id; every outcome is audited. */
export async function login(store: Store, username: string, password: string): Promise<string> {
  const user = findUserByUsername(store, username);
  const fail = (reason: string, userId: string | null = null) =>
    mutate(store, { userId: null }, (w) => w.event('auth.fail', { username, reason }, userId, userId ? 'users' : null));
  if (!user) {
    await verifyPassword(password, DUMMY_HASH);
    fail('unknown user');
    throw refused();
  }
  const now = store.now();
  if (user.lockedUntil && new Date(user.lockedUntil) > now) {
    // While locked no password is checked (that would tell a guess right), but it takes as long.
    await verifyPassword(password, DUMMY_HASH);
    fail('locked', user.id);
    throw refused();
  }
  const checking = inFlight(store);
  const busy = checking.get(user.id) ?? 0;
  if (user.failedLogins + busy >= MAX_FAILED_LOGINS) {
    // Every try still allowed is being checked already: this one is past the limit.
    mutate(store, { userId: null }, (w) => w.update(users, user.id, { failedLogins: 0, lockedUntil: lockUntil(now) }, 'auth.lock'));
    await verifyPassword(password, DUMMY_HASH);
    throw refused();
  }
  checking.set(user.id, busy + 1);
  let good: boolean;
  try {
    good = await verifyPassword(password, user.passwordHash);
  } finally {
    const left = (checking.get(user.id) ?? 1) - 1;
    if (left > 0) checking.set(user.id, left);
    else checking.delete(user.id);
  }
  const outcome = mutate(store, { userId: good ? user.id : null }, (w): string | AppError => {
    const current = getUserRow(store, user.id);
    // Tries past the limit arrived while this one was checked: the burst has locked the account.
    if (current.lockedUntil && new Date(current.lockedUntil) > store.now()) return refused();
    if (good) {
      if (!current.active) {
        w.event('auth.fail', { username, reason: 'inactive' }, user.id, 'users');
        return new AppError('FORBIDDEN', 'Tài khoản này đã bị ngừng sử dụng; hãy hỏi người quản trị.');
      }
      w.update(users, user.id, { failedLogins: 0, lockedUntil: null });
      w.event('auth.login', { username }, user.id, 'users');
      return user.id;
    }
    const failed = current.failedLogins + 1;
    if (failed >= MAX_FAILED_LOGINS) w.update(users, user.id, { failedLogins: 0, lockedUntil: lockUntil(store.now()) }, 'auth.lock');
    else w.update(users, user.id, { failedLogins: failed }, 'auth.fail');
    return refused();
  });
  if (outcome instanceof AppError) throw outcome;
  return outcome;
}

const checks = new WeakMap<Store, Map<string, number>>();
/** The password checks under way on this store, per user. */
function inFlight(store: Store): Map<string, number> {
  let m = checks.get(store);
  if (!m) checks.set(store, (m = new Map<string, number>()));
  return m;
}

const lockUntil = (now: Date) => new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
