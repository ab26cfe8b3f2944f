// A set-up office to test against: the backend over a real temp SQLite file, with an admin,
// a clerk, a leader and a specialist logged in on their own sessions.
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract.js';
import type { ApiError } from '../../shared/api/errors.js';
import { createBackend, type Backend, type BackendOptions } from '../../electron/backend/backend.js';
import type { StoreOptions } from '../../db/core/store.js';
import { join } from 'node:path';
import { tempStore, type TempStore } from './tempStore.js';
import type { WriteContext } from '../../db/core/write.js';
import { findUserByUsername } from '../../db/admin/users.js';
import { openSigner } from '../../db/admin/signers.js';

export const PASSWORD = 'matkhau-12345';

export class Caller {
  token: string | null = null;
  constructor(private readonly backend: Backend) {}

  async raw(method: string, input?: unknown) {
    const out = await this.backend.call({ token: this.token }, method, input);
    if (out.token !== undefined) this.token = out.token;
    return out.result;
  }

  async ok<M extends MethodName>(method: M, input?: MethodInput<M>): Promise<MethodOutput<M>> {
    const r = await this.raw(method, input);
    if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
    return r.value as MethodOutput<M>;
  }

  async fail(method: string, input?: unknown): Promise<ApiError> {
    const r = await this.raw(method, input);
    if (r.ok) throw new Error(`${method} should have failed`);
    return r.error;
  }
}

export interface Office {
  t: TempStore;
  backend: Backend;
  admin: Caller;
  clerk: Caller;
  leader: Caller;
  specialist: Caller;
  anon: Caller;
  caller(): Caller;
  /** A write context for calling db/ directly as this user: his key opened with his password, as at login. */
  as(username?: string): Promise<WriteContext>;
  cleanup(): void;
}

export async function setUpOffice(options: StoreOptions = {}, backendOptions: Partial<BackendOptions> = {}): Promise<Office> {
  const t = tempStore(options);
  const log = process.env.VANTHU_TEST_LOG ? (m: string, e: unknown) => console.error(m, e) : () => {};
  // OCR (seconds a picture) only where a test is about it: setUpOffice({}, { ocr: true }).
  const backend = createBackend(t.store, { checkOutput: true, log, filesDir: join(t.dir, 'files'), ocr: false, ...backendOptions });
  const admin = new Caller(backend);
  await admin.ok('setup.initialize', {
    unitName: 'Sở Giáo dục và Đào tạo Tuyên Quang',
    unitCode: 'SGDĐT',
    adminUsername: 'quantri',
    adminPassword: PASSWORD,
    adminFullName: 'Nguyễn Văn Quản',
  });
  const make = async (username: string, role: 'clerk' | 'leader' | 'specialist') => {
    await admin.ok('users.create', { username, fullName: `Người ${username}`, password: PASSWORD, roles: [role] });
    const c = new Caller(backend);
    await c.ok('auth.login', { username, password: PASSWORD });
    return c;
  };
  const clerk = await make('vanthu', 'clerk');
  const leader = await make('lanhdao', 'leader');
  const specialist = await make('chuyenvien', 'specialist');
  return {
    t,
    backend,
    admin,
    clerk,
    leader,
    specialist,
    anon: new Caller(backend),
    caller: () => new Caller(backend),
    as: async (username = 'quantri') => {
      const userId = findUserByUsername(t.store, username)!.id;
      return { userId, signer: await openSigner(t.store, userId, PASSWORD) };
    },
    cleanup: () => t.cleanup(),
  };
}

export const SAMPLE = {
  agency: 'Bộ Giáo dục và Đào tạo',
  code: '142/KH-BGDĐT',
  type: 'KH',
  issuedDate: '2026-03-02',
  summary: 'Kế hoạch tổ chức kỳ thi tốt nghiệp trung học phổ thông năm 2026',
} as const;
