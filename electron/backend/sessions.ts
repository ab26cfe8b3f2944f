// Logged-in sessions, kept in memory: a restart asks everyone to log in again.
import { randomBytes } from 'node:crypto';
import type { Signer } from '../../db/core/signing.js';

export interface Session {
  token: string;
  userId: string;
  /** His key, opened with the password he logged in with: authority changes are signed with it. */
  signer: Signer | undefined;
  createdAt: number;
  lastSeen: number;
}

/** However active, a session ends after a working day: a PC left logged in does not stay so. */
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;

export class SessionStore {
  private readonly byToken = new Map<string, Session>();

  constructor(
    private readonly idleMs: number = 8 * 60 * 60 * 1000,
    private readonly clock: () => number = Date.now,
  ) {}

  create(userId: string, signer?: Signer): Session {
    const now = this.clock();
    const session = { token: randomBytes(32).toString('base64url'), userId, signer, createdAt: now, lastSeen: now };
    this.byToken.set(session.token, session);
    return session;
  }

  get(token: string | null | undefined): Session | null {
    if (!token) return null;
    const session = this.byToken.get(token);
    if (!session) return null;
    if (this.clock() - session.lastSeen > this.idleMs || this.clock() - session.createdAt > SESSION_MAX_MS) {
      this.byToken.delete(token);
      return null;
    }
    session.lastSeen = this.clock();
    return session;
  }

  destroy(token: string | null | undefined): void {
    if (token) this.byToken.delete(token);
  }

  destroyUser(userId: string): void {
    for (const [token, s] of this.byToken) if (s.userId === userId) this.byToken.delete(token);
  }
}
