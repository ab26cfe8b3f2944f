// One call through the gate: the method named, its transport, who calls (from the contract's
// access alone), the input parsed by its schema, the handler, and any error as {code, message}.
import type { z } from 'zod';
import { accessAllows } from '../../shared/api/access.js';
import { contract, isMethodName, type Access, type Transport } from '../../shared/api/contract.js';
import { AppError, type ApiError, type Result } from '../../shared/api/errors.js';
import type { Role } from '../../shared/domain/enums.js';
import { getUserRow } from '../../db/admin/users.js';
import type { Store } from '../../db/core/store.js';
import type { Actor } from '../../db/handling/state.js';
import type { Handlers, RequestContext } from './handlers/types.js';
import type { Session, SessionStore } from './sessions.js';

const DEFAULT_TRANSPORTS: readonly Transport[] = ['ipc', 'http'];

export interface CallContext {
  /** The session token the transport holds for this window or browser. */
  token: string | null;
  /** Which door the call came through; path- and byte-level methods open only from the window. */
  transport?: Transport;
}

export interface CallOutcome {
  result: Result<unknown>;
  /** A new session token to hold (login), null to forget it (logout); absent: unchanged. */
  token?: string | null;
}

export interface DispatchOptions {
  store: Store;
  sessions: SessionStore;
  handlers: Handlers;
  /** Parse every output against the contract (tests); production trusts its own db layer. */
  checkOutput: boolean;
  log: (message: string, err: unknown) => void;
  /** After a logged-in user's call went through (sync is nudged to send it soon). */
  afterCall?: (method: string) => void;
}

export interface Dispatcher {
  call: (ctx: CallContext, method: string, input: unknown) => Promise<CallOutcome>;
  /** The logged-in user behind a token, if `access` lets him in; else an AppError. */
  authorize: (token: string | null, access: Access) => Actor;
}

export function createDispatcher(o: DispatchOptions): Dispatcher {
  // Roles are read on every call, so an admin's change applies at once.
  function currentUser(session: Session): Actor | null {
    try {
      const row = getUserRow(o.store, session.userId);
      if (!row.active) return null;
      return { id: row.id, roles: JSON.parse(row.roles) as Role[] };
    } catch {
      return null;
    }
  }

  function gate(access: Access, session: Session | null): Actor | null {
    const user = session ? currentUser(session) : null;
    if (access === 'public') return user;
    if (!user) throw new AppError('UNAUTHENTICATED', 'Phiên làm việc đã hết; hãy đăng nhập lại.');
    if (accessAllows(access, user)) return user;
    throw new AppError('FORBIDDEN', 'Tài khoản của bạn không có quyền làm việc này.');
  }

  async function call(ctx: CallContext, method: string, input: unknown): Promise<CallOutcome> {
    let token: string | null | undefined;
    try {
      if (!isMethodName(method)) throw new AppError('UNKNOWN_METHOD', `Không có chức năng “${String(method).slice(0, 80)}”.`);
      const spec: { access: Access; transports?: readonly Transport[] } = contract[method];
      // A method that names no transports is the window's and the JSON api's: never a GET link.
      if (!(spec.transports ?? DEFAULT_TRANSPORTS).includes(ctx.transport ?? 'http')) {
        throw new AppError('UNKNOWN_METHOD', `Chức năng “${method}” chỉ có trong chương trình trên máy tính.`);
      }
      const session = o.sessions.get(ctx.token);
      const user = gate(spec.access, session);
      const { input: inputSchema, output: outputSchema } = contract[method];
      const parsed = inputSchema.safeParse(input === null ? undefined : input);
      if (!parsed.success) throw validationError(parsed.error);
      const req: RequestContext = {
        session,
        user,
        write: { userId: user?.id ?? null, signer: session?.signer },
        setToken: (t) => (token = t),
      };
      const handler = o.handlers[method] as (input: unknown, req: RequestContext) => Promise<unknown>;
      let value = await handler(parsed.data, req);
      if (o.checkOutput) value = outputSchema.parse(value);
      if (user) o.afterCall?.(method);
      return token === undefined ? { result: { ok: true, value } } : { result: { ok: true, value }, token };
    } catch (err) {
      return { result: { ok: false, error: toApiError(err, o.log) } };
    }
  }

  return {
    call,
    authorize: (token, access) => {
      const user = gate(access, o.sessions.get(token));
      if (!user) throw new AppError('UNAUTHENTICATED', 'Phiên làm việc đã hết; hãy đăng nhập lại.');
      return user;
    },
  };
}

function validationError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.length ? String(issue.path[0]) : undefined;
  return new AppError('VALIDATION', issue?.message ?? 'Dữ liệu không hợp lệ.', field ? { field } : {});
}

export function toApiError(err: unknown, log: (message: string, err: unknown) => void): ApiError {
  if (err instanceof AppError) return err.toJSON();
  const code = (err as { code?: string } | null)?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return { code: 'CONFLICT', message: 'Dữ liệu đang bận do một thao tác khác; hãy thử lại sau giây lát.' };
  }
  if (code === 'SQLITE_FULL') return { code: 'INTERNAL', message: 'Ổ đĩa đã đầy; chưa lưu được. Hãy giải phóng dung lượng rồi thử lại.' };
  log('VănThư: unexpected error', err);
  return { code: 'INTERNAL', message: 'Có lỗi ngoài dự kiến; thao tác chưa được lưu. Hãy thử lại hoặc báo người quản trị.' };
}
